CREATE TABLE `sync_pull_seen` (
	`code` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sync_state` ADD `pull_cursor` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `last_pulled_at` text;--> statement-breakpoint
ALTER TABLE `sync_state` ADD `pull_resetting` integer DEFAULT false NOT NULL;