ALTER TABLE `settings` ADD `cash_rounding` integer;--> statement-breakpoint
ALTER TABLE `sale_returns` ADD `cash_rounding` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales` ADD `cash_rounding` integer DEFAULT 0 NOT NULL;