ALTER TABLE `sale_returns` ADD `balance_reduced` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sale_returns` ADD `refunded` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Returns made before this version refunded their whole total.
UPDATE `sale_returns` SET `refunded` = `total`;
