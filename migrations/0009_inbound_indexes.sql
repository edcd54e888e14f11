CREATE INDEX `nudges_contact_state_idx` ON `nudges` (`contact_id`,`state`);--> statement-breakpoint
CREATE INDEX `threads_user_subject_idx` ON `threads` (`user_id`,`subject_key`);