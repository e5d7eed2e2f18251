CREATE TABLE `lock_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`user_name` text NOT NULL,
	`first_locked_at` text NOT NULL,
	`last_locked_at` text NOT NULL,
	`locked_until` text NOT NULL,
	`lockouts` integer NOT NULL,
	`misses` integer NOT NULL,
	`dismissed_at` text,
	`dismissed_by` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dismissed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `settings` ADD `discount_limit` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `cash_out_limit` integer;--> statement-breakpoint
ALTER TABLE `settings` ADD `documents_folder` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `require_six_digit_pins` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `lockouts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales` ADD `request_hash` text;