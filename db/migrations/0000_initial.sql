CREATE TABLE `document_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`register_id` integer NOT NULL,
	`document_type` text NOT NULL,
	`series` text NOT NULL,
	`last` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`register_id`) REFERENCES `registers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_series_register_type` ON `document_series` (`register_id`,`document_type`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_series_type_series` ON `document_series` (`document_type`,`series`);--> statement-breakpoint
CREATE TABLE `registers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`number` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registers_code_unique` ON `registers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `registers_number_unique` ON `registers` (`number`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`business_name` text NOT NULL,
	`tax_id` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`currency` text NOT NULL,
	`secondary_currency` text,
	`exchange_rate` text,
	`igtf_enabled` integer DEFAULT false NOT NULL,
	`locale` text NOT NULL,
	`language` text DEFAULT 'es' NOT NULL,
	`time_zone` text NOT NULL,
	`prices_include_tax` integer NOT NULL,
	`rounding_method` text NOT NULL,
	`rounding_mode` text NOT NULL,
	`tax_basis` text NOT NULL,
	`negative_stock` text DEFAULT 'block' NOT NULL,
	`scale_layouts` text DEFAULT '[]' NOT NULL,
	`default_document_type` text NOT NULL,
	`cashier_price_override` integer DEFAULT false NOT NULL,
	`receipt_footer` text DEFAULT '' NOT NULL,
	`receipt_format` text DEFAULT '80mm' NOT NULL,
	`printer_name` text DEFAULT '' NOT NULL,
	`printer_host` text DEFAULT '' NOT NULL,
	`printer_port` integer DEFAULT 9100 NOT NULL,
	`auto_print` integer DEFAULT false NOT NULL,
	`open_drawer_on_cash` integer DEFAULT false NOT NULL,
	`current_register_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_name_nocase` ON `users` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_nocase` ON `categories` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_type` text,
	`document_number` text,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_document` ON `customers` (`document_type`,`document_number`) WHERE "customers"."document_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `product_barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_barcodes_product` ON `product_barcodes` (`product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category_id` integer,
	`sold_by` text DEFAULT 'unit' NOT NULL,
	`price` integer NOT NULL,
	`cost` integer DEFAULT 0 NOT NULL,
	`tax_category` text NOT NULL,
	`track_stock` integer DEFAULT true NOT NULL,
	`allow_negative` integer DEFAULT false NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`min_stock` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_category`) REFERENCES `tax_categories`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_code_unique` ON `products` (`code`);--> statement-breakpoint
CREATE INDEX `products_category` ON `products` (`category_id`);--> statement-breakpoint
CREATE INDEX `products_low_stock` ON `products` (`track_stock`,`active`,`stock`);--> statement-breakpoint
CREATE TABLE `tax_categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`rate` integer NOT NULL,
	`fixed_taxes` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`direction` text NOT NULL,
	`type` text NOT NULL,
	`amount` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`local_date` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cash_movements_session` ON `cash_movements` (`session_id`);--> statement-breakpoint
CREATE INDEX `cash_movements_date` ON `cash_movements` (`local_date`);--> statement-breakpoint
CREATE TABLE `cash_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`register_id` integer NOT NULL,
	`status` text NOT NULL,
	`opening_float` integer NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` text NOT NULL,
	`closed_by` integer,
	`closed_at` text,
	`expected_cash` integer,
	`counted_cash` integer,
	`difference` integer,
	`denominations` text,
	`notes` text DEFAULT '' NOT NULL,
	`z_report` text,
	FOREIGN KEY (`register_id`) REFERENCES `registers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_sessions_one_open` ON `cash_sessions` (`register_id`) WHERE "cash_sessions"."status" = 'ABIERTA';--> statement-breakpoint
CREATE INDEX `cash_sessions_register_opened` ON `cash_sessions` (`register_id`,`opened_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`method` text NOT NULL,
	`tendered` integer NOT NULL,
	`change` integer DEFAULT 0 NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`bank` text,
	`reference` text,
	`created_at` text NOT NULL,
	`local_date` text NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `payments_sale` ON `payments` (`sale_id`);--> statement-breakpoint
CREATE INDEX `payments_report` ON `payments` (`local_date`,`method`,`currency`,`amount`) WHERE "payments"."voided" = 0;--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sold_by` text NOT NULL,
	`category_id` integer,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`price_overridden` integer DEFAULT false NOT NULL,
	`unit_cost` integer NOT NULL,
	`tax_category` text NOT NULL,
	`tax_kind` text NOT NULL,
	`tax_rate` integer NOT NULL,
	`gross` integer NOT NULL,
	`line_discount` integer NOT NULL,
	`order_discount` integer NOT NULL,
	`base` integer NOT NULL,
	`tax` integer NOT NULL,
	`unit_tax` integer,
	`fixed_tax` integer NOT NULL,
	`fixed_taxes` text DEFAULT '[]' NOT NULL,
	`total` integer NOT NULL,
	`cost_total` integer NOT NULL,
	`returned_quantity` integer DEFAULT 0 NOT NULL,
	`local_date` text NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_lines_sale_line` ON `sale_lines` (`sale_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `sale_lines_report_by_product` ON `sale_lines` (`product_id`,`local_date`,`category_id`,`quantity`,`total`,`base`,`cost_total`) WHERE "sale_lines"."voided" = 0;--> statement-breakpoint
CREATE INDEX `sale_lines_report_by_date` ON `sale_lines` (`local_date`,`product_id`,`category_id`,`quantity`,`total`,`base`,`cost_total`) WHERE "sale_lines"."voided" = 0;--> statement-breakpoint
CREATE TABLE `sale_return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` text NOT NULL,
	`sale_line_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`tax_rate` integer NOT NULL,
	`tax_kind` text NOT NULL,
	`base` integer NOT NULL,
	`tax` integer NOT NULL,
	`fixed_tax` integer NOT NULL,
	`total` integer NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `sale_returns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sale_return_lines_return` ON `sale_return_lines` (`return_id`);--> statement-breakpoint
CREATE TABLE `sale_returns` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`register_id` integer NOT NULL,
	`session_id` text NOT NULL,
	`document_type` text NOT NULL,
	`series` text NOT NULL,
	`correlative` integer NOT NULL,
	`number` text NOT NULL,
	`reason` text NOT NULL,
	`refund_method` text NOT NULL,
	`taxable_base` integer NOT NULL,
	`exempt` integer NOT NULL,
	`unaffected` integer NOT NULL,
	`tax` integer NOT NULL,
	`fixed_tax` integer NOT NULL,
	`total` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`local_date` text NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`register_id`) REFERENCES `registers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sale_returns_sale` ON `sale_returns` (`sale_id`);--> statement-breakpoint
CREATE INDEX `sale_returns_session` ON `sale_returns` (`session_id`);--> statement-breakpoint
CREATE INDEX `sale_returns_date` ON `sale_returns` (`local_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `sale_returns_number` ON `sale_returns` (`register_id`,`document_type`,`series`,`correlative`);--> statement-breakpoint
CREATE TABLE `sale_taxes` (
	`sale_id` text NOT NULL,
	`rate` integer NOT NULL,
	`base` integer NOT NULL,
	`tax` integer NOT NULL,
	`local_date` text NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_taxes_sale_rate` ON `sale_taxes` (`sale_id`,`rate`);--> statement-breakpoint
CREATE INDEX `sale_taxes_report` ON `sale_taxes` (`local_date`,`rate`,`base`,`tax`) WHERE "sale_taxes"."voided" = 0;--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`register_id` integer NOT NULL,
	`session_id` text NOT NULL,
	`document_type` text NOT NULL,
	`series` text NOT NULL,
	`correlative` integer NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`customer_id` integer,
	`customer_name` text DEFAULT '' NOT NULL,
	`customer_doc_type` text,
	`customer_doc_number` text,
	`cashier_id` integer NOT NULL,
	`cashier_name` text NOT NULL,
	`created_at` text NOT NULL,
	`local_date` text NOT NULL,
	`local_hour` integer NOT NULL,
	`currency` text NOT NULL,
	`secondary_currency` text,
	`exchange_rate` text,
	`prices_include_tax` integer NOT NULL,
	`rounding_method` text NOT NULL,
	`gross` integer NOT NULL,
	`line_discount` integer NOT NULL,
	`order_discount` integer NOT NULL,
	`taxable_base` integer NOT NULL,
	`exempt` integer NOT NULL,
	`unaffected` integer NOT NULL,
	`tax` integer NOT NULL,
	`fixed_tax` integer NOT NULL,
	`total` integer NOT NULL,
	`igtf` integer DEFAULT 0 NOT NULL,
	`paid` integer NOT NULL,
	`change` integer NOT NULL,
	`balance` integer NOT NULL,
	`cost_total` integer NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	`taxes` text NOT NULL,
	`fixed_taxes` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`void_reason` text,
	`voided_by` integer,
	`voided_at` text,
	`edit_reason` text,
	`edited_by` integer,
	`edited_at` text,
	FOREIGN KEY (`register_id`) REFERENCES `registers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cashier_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_register_series_number` ON `sales` (`register_id`,`document_type`,`series`,`correlative`);--> statement-breakpoint
CREATE INDEX `sales_local_date` ON `sales` (`local_date`,`status`);--> statement-breakpoint
CREATE INDEX `sales_session` ON `sales` (`session_id`);--> statement-breakpoint
CREATE INDEX `sales_created` ON `sales` (`created_at`);--> statement-breakpoint
CREATE INDEX `sales_customer` ON `sales` (`customer_id`);--> statement-breakpoint
CREATE INDEX `sales_cashier` ON `sales` (`cashier_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sales_number` ON `sales` (`number`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`user_name` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`entity` text DEFAULT '' NOT NULL,
	`entity_id` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`type` text NOT NULL,
	`aggregate_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_event_id_unique` ON `outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`sent_at`,`seq`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`sale_id` text,
	`user_id` integer,
	`balance_after` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_product` ON `stock_movements` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_movements_sale` ON `stock_movements` (`sale_id`);