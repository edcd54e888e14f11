CREATE TABLE `inbound_seen` (
	`message_key` text NOT NULL,
	`recipient` text NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`message_key`, `recipient`)
);
--> statement-breakpoint
ALTER TABLE `held_mail` ADD `log_id` text DEFAULT '' NOT NULL;