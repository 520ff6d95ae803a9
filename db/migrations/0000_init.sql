CREATE TABLE `audit` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`operation` text NOT NULL,
	`entity_kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`case_id` text,
	`summary` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_case_idx` ON `audit` (`case_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit` (`entity_kind`,`entity_id`);--> statement-breakpoint
CREATE TABLE `case_mediators` (
	`case_id` text NOT NULL,
	`mediator_id` text NOT NULL,
	`role` text DEFAULT 'lead' NOT NULL,
	`assigned_at` text NOT NULL,
	`chosen_by` text DEFAULT 'assigned' NOT NULL,
	PRIMARY KEY(`case_id`, `mediator_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_mediators_mediator_idx` ON `case_mediators` (`mediator_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`case_number` text NOT NULL,
	`year` integer NOT NULL,
	`serial` integer NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`source` text NOT NULL,
	`tier` text NOT NULL,
	`origin_tier` text NOT NULL,
	`status` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`claims` text DEFAULT '' NOT NULL,
	`amount_fen` integer,
	`agreed_amount_fen` integer,
	`reporter` text,
	`registered_at` text NOT NULL,
	`registered_by` text,
	`accepted_at` text,
	`deadline` text,
	`closed_at` text,
	`outcome` text,
	`outcome_at` text,
	`outcome_note` text,
	`reject_reason` text,
	`lead_unit` text,
	`co_units` text DEFAULT '[]' NOT NULL,
	`responsible_leader` text,
	`responsible_person` text,
	`escalated_at` text,
	`transferred_to` text,
	`repeat_petition` integer DEFAULT false NOT NULL,
	`prevented_criminal_people` integer DEFAULT 0 NOT NULL,
	`prevented_petition_people` integer DEFAULT 0 NOT NULL,
	`agreement` text,
	`agreement_effective_at` text,
	`undisputed` text,
	`intake_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number_unique` ON `cases` (`case_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_year_serial_idx` ON `cases` (`year`,`serial`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`registered_at`);--> statement-breakpoint
CREATE INDEX `cases_registered_idx` ON `cases` (`registered_at`);--> statement-breakpoint
CREATE INDEX `cases_deadline_idx` ON `cases` (`deadline`);--> statement-breakpoint
CREATE INDEX `cases_category_idx` ON `cases` (`category`,`registered_at`);--> statement-breakpoint
CREATE INDEX `cases_source_idx` ON `cases` (`source`,`registered_at`);--> statement-breakpoint
CREATE INDEX `cases_tier_idx` ON `cases` (`tier`,`registered_at`);--> statement-breakpoint
CREATE TABLE `centre` (
	`id` integer PRIMARY KEY NOT NULL,
	`centre_code` text NOT NULL,
	`name` text NOT NULL,
	`tier` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`committee_name` text NOT NULL,
	`committee_abbr` text NOT NULL,
	`device_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`case_id` text NOT NULL,
	`court` text NOT NULL,
	`applied_at` text NOT NULL,
	`accepted_at` text,
	`acceptance_number` text,
	`ruling` text,
	`ruled_at` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmations_case_idx` ON `confirmations` (`case_id`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `court_referrals` (
	`case_id` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`procedure` text,
	`court` text NOT NULL,
	`reference_number` text NOT NULL,
	`referred_at` text NOT NULL,
	`materials_signed_at` text,
	`time_limit_days` integer NOT NULL,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`extension_consent` text,
	`report_to` text DEFAULT '' NOT NULL,
	`result` text,
	`result_reason` text,
	`result_reported_at` text,
	`materials_returned` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`case_id` text NOT NULL,
	`type` text NOT NULL,
	`doc_version` integer NOT NULL,
	`subject_id` text,
	`content_hash` text NOT NULL,
	`file_path` text NOT NULL,
	`generated_by` text NOT NULL,
	`generated_at` text NOT NULL,
	`printed_at` text,
	`print_count` integer DEFAULT 0 NOT NULL,
	`signed_copy_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_case_idx` ON `documents` (`case_id`,`type`,`doc_version`);--> statement-breakpoint
CREATE TABLE `followups` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`case_id` text NOT NULL,
	`due_on` text NOT NULL,
	`done_at` text,
	`method` text,
	`performance` text,
	`notes` text DEFAULT '' NOT NULL,
	`visitor` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `followups_due_idx` ON `followups` (`done_at`,`due_on`);--> statement-breakpoint
CREATE INDEX `followups_case_idx` ON `followups` (`case_id`);--> statement-breakpoint
CREATE TABLE `intakes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`id_number` text,
	`other_party` text DEFAULT '' NOT NULL,
	`other_party_phone` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`consent_at` text NOT NULL,
	`query_code` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`case_id` text,
	`reject_reason` text,
	`reviewed_by` text,
	`reviewed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intakes_query_code_unique` ON `intakes` (`query_code`);--> statement-breakpoint
CREATE INDEX `intakes_status_idx` ON `intakes` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `locks` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mediators` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`id_number` text,
	`specialties` text DEFAULT '[]' NOT NULL,
	`certificate_no` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_date` text,
	`status_reason` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mediators_status_idx` ON `mediators` (`status`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`queued_at` text NOT NULL,
	`batch_id` text,
	PRIMARY KEY(`kind`, `record_id`)
);
--> statement-breakpoint
CREATE INDEX `outbox_batch_idx` ON `outbox` (`batch_id`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`case_id` text NOT NULL,
	`role` text NOT NULL,
	`ordinal` integer DEFAULT 0 NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`sex` text,
	`birth_date` text,
	`ethnicity` text,
	`occupation` text,
	`id_type` text,
	`id_number` text,
	`credit_code` text,
	`legal_representative` text,
	`phone` text,
	`address` text,
	`represents_id` text,
	`authority` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parties_case_idx` ON `parties` (`case_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `parties_name_idx` ON `parties` (`name`);--> statement-breakpoint
CREATE INDEX `parties_phone_idx` ON `parties` (`phone`);--> statement-breakpoint
CREATE INDEX `parties_id_number_idx` ON `parties` (`id_number`);--> statement-breakpoint
CREATE TABLE `queue_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`number` integer NOT NULL,
	`code` text NOT NULL,
	`intake_id` text,
	`case_id` text,
	`status` text DEFAULT 'waiting' NOT NULL,
	`created_at` text NOT NULL,
	`called_at` text,
	`called_by` text,
	`desk` text,
	`finished_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_day_number_idx` ON `queue_tickets` (`day`,`number`);--> statement-breakpoint
CREATE INDEX `queue_status_idx` ON `queue_tickets` (`day`,`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`case_id` text NOT NULL,
	`held_at` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`participants` text DEFAULT '' NOT NULL,
	`record` text DEFAULT '' NOT NULL,
	`recorder` text DEFAULT '' NOT NULL,
	`mediator_id` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_case_idx` ON `sessions` (`case_id`,`held_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `upload_batches` (
	`batch_id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`body` text NOT NULL,
	`record_count` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `upload_rejections` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`message` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`kind`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `upload_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`trigger` text NOT NULL,
	`result` text,
	`sent` integer DEFAULT 0 NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`pending` integer DEFAULT 0 NOT NULL,
	`message` text,
	`reconciliation` text
);
--> statement-breakpoint
CREATE TABLE `uploaded` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`batch_id` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`kind`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login_name` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`mediator_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_name_unique` ON `users` (`login_name`);