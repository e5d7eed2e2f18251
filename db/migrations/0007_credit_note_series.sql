DROP INDEX `document_series_register_type`;--> statement-breakpoint
ALTER TABLE `document_series` ADD `applies_to` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `document_series_register_type` ON `document_series` (`register_id`,`document_type`,`applies_to`);