DROP INDEX `inbound_log_user_created_idx`;--> statement-breakpoint
CREATE INDEX `inbound_log_user_created_id_idx` ON `inbound_log` (`user_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `contacts_user_status_idx`;--> statement-breakpoint
CREATE INDEX `contacts_user_recent_idx` ON `contacts` (`user_id`,(case when "last_contact_at" is null then "created_at" else "last_contact_at" end),`id`);--> statement-breakpoint
CREATE INDEX `contacts_user_status_recent_idx` ON `contacts` (`user_id`,`status`,(case when "last_contact_at" is null then "created_at" else "last_contact_at" end),`id`);--> statement-breakpoint
CREATE INDEX `nudges_contact_due_idx` ON `nudges` (`contact_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `nudges_user_open_due_idx` ON `nudges` (`user_id`,`due_at`,`id`) WHERE "nudges"."state" in ('pending', 'sent', 'snoozed');