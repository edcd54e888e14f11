ALTER TABLE `users` ADD `follow_up_days` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `follow_up_every` integer DEFAULT 4 NOT NULL;