ALTER TABLE `settings` ADD `discount_limit` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `cash_out_limit` integer;--> statement-breakpoint
ALTER TABLE `settings` ADD `documents_folder` text DEFAULT '' NOT NULL;