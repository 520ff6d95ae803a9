ALTER TABLE `sessions` ADD `kind` text DEFAULT 'mediation' NOT NULL CHECK (`kind` IN ('mediation', 'investigation'));
