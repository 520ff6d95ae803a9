CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sheet` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text,
	`rows` integer NOT NULL,
	`imported` integer NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
DROP INDEX `cases_year_serial_idx`;--> statement-breakpoint
ALTER TABLE `cases` ADD `import_batch_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `import_row` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `import_fingerprint` text;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_import_fingerprint_idx` ON `cases` (`import_fingerprint`);--> statement-breakpoint
CREATE INDEX `cases_import_batch_idx` ON `cases` (`import_batch_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_year_serial_idx` ON `cases` (`year`,`serial`) WHERE import_batch_id IS NULL;--> statement-breakpoint
ALTER TABLE `mediators` ADD `import_batch_id` text;