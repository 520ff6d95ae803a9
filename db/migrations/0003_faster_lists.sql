DROP INDEX `audit_case_idx`;--> statement-breakpoint
CREATE INDEX `audit_case_idx` ON `audit` (`case_id`,`id`);--> statement-breakpoint
DROP INDEX `parties_name_idx`;--> statement-breakpoint
CREATE INDEX `parties_name_idx` ON `parties` (`name`,`deleted`,`case_id`,`phone`,`id_number`);--> statement-breakpoint
CREATE INDEX `cases_filter_idx` ON `cases` (`status`,`category`,`tier`,`deleted`,`registered_at`);