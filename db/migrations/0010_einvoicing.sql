CREATE TABLE `cpe_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` text NOT NULL,
	`return_id` text,
	`document_type` text NOT NULL,
	`series` text NOT NULL,
	`correlative` integer NOT NULL,
	`state` text NOT NULL,
	`xml` blob,
	`digest` text,
	`qr_text` text,
	`failure` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`cdr_code` text,
	`cdr_message` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `sale_returns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cpe_documents_sale` ON `cpe_documents` (`sale_id`);--> statement-breakpoint
CREATE INDEX `cpe_documents_state` ON `cpe_documents` (`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `cpe_documents_number` ON `cpe_documents` (`document_type`,`series`,`correlative`);--> statement-breakpoint
CREATE UNIQUE INDEX `cpe_documents_return` ON `cpe_documents` (`return_id`);--> statement-breakpoint
CREATE TABLE `einvoice_certificate` (
	`id` integer PRIMARY KEY NOT NULL,
	`sealing` text NOT NULL,
	`sealed` blob NOT NULL,
	`subject` text NOT NULL,
	`ruc` text DEFAULT '' NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`loaded_at` text NOT NULL,
	`loaded_by` text NOT NULL,
	CONSTRAINT "einvoice_certificate_single_row" CHECK("einvoice_certificate"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE `settings` ADD `legal_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `establishment_code` text DEFAULT '0000' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `ubigeo` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `einvoicing` integer DEFAULT false NOT NULL;