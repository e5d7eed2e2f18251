DROP INDEX `sales_report`;--> statement-breakpoint
ALTER TABLE `sales` ADD `cash_rounding` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `sales_report` ON `sales` (`local_date`,`local_hour`,`cashier_id`,`status`,`gross`,`line_discount`,`order_discount`,`taxable_base`,`exempt`,`unaffected`,`tax`,`fixed_tax`,`igtf`,`total`,`cost_total`,`cash_rounding`);--> statement-breakpoint
ALTER TABLE `settings` ADD `cash_rounding` integer;--> statement-breakpoint
ALTER TABLE `sale_returns` ADD `cash_rounding` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollup_sales` ADD `cash_rounding` integer DEFAULT 0 NOT NULL;