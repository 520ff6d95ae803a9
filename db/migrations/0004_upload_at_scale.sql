-- Upload at scale (a backlog of 10^5 cases in under a minute). Three tables change shape:
--
-- upload_batches.body holds the batch as sent, gzipped (a fifth of the JSON to write and to free
-- again); rows left by an earlier build keep their JSON text, which upload/batches.ts still reads.
--
-- outbox and uploaded become WITHOUT ROWID tables, clustered on (kind, record_id). Batches are
-- composed in that order, so marking, delivering and recording a batch touch a few neighbouring
-- pages instead of one page per record: record ids are time-ordered (UUIDv7) but a backlog is not
-- queued in id order, and as rowid tables every record cost a page of the table and one of the key.
-- drizzle-kit does not know WITHOUT ROWID: a generated migration that rebuilds one of these two
-- tables must keep it (see db/schema.ts).
--
-- legacy_alter_table: the outbox triggers (0001) name `outbox`; renaming the new table into its
-- place must not make SQLite re-check them while `outbox` is briefly missing. The triggers resolve
-- the name when they run, so they write to the new table.
PRAGMA legacy_alter_table = ON;--> statement-breakpoint
CREATE TABLE `__new_upload_batches` (
	`batch_id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`body` blob NOT NULL,
	`record_count` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text
);
--> statement-breakpoint
INSERT INTO `__new_upload_batches`("batch_id", "created_at", "body", "record_count", "attempts", "next_attempt_at", "last_error") SELECT "batch_id", "created_at", "body", "record_count", "attempts", "next_attempt_at", "last_error" FROM `upload_batches`;--> statement-breakpoint
DROP TABLE `upload_batches`;--> statement-breakpoint
ALTER TABLE `__new_upload_batches` RENAME TO `upload_batches`;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`queued_at` text NOT NULL,
	`batch_id` text,
	PRIMARY KEY(`kind`, `record_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_outbox`("kind", "record_id", "version", "queued_at", "batch_id") SELECT "kind", "record_id", "version", "queued_at", "batch_id" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
CREATE INDEX `outbox_batch_idx` ON `outbox` (`batch_id`);--> statement-breakpoint
CREATE TABLE `__new_uploaded` (
	`kind` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`batch_id` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`kind`, `record_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_uploaded`("kind", "record_id", "version", "deleted", "batch_id", "at") SELECT "kind", "record_id", "version", "deleted", "batch_id", "at" FROM `uploaded`;--> statement-breakpoint
DROP TABLE `uploaded`;--> statement-breakpoint
ALTER TABLE `__new_uploaded` RENAME TO `uploaded`;--> statement-breakpoint
PRAGMA legacy_alter_table = OFF;
