-- Issue 12. Indexes for the scheduled purge (accounts/purge-expired.ts) and the cap on
-- new pending accounts, and for deleting an account's unowned inbound log rows.
CREATE INDEX `users_status_created_idx` ON `users` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `tokens_expires_idx` ON `tokens` (`expires_at`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `sign_in_attempts_created_idx` ON `sign_in_attempts` (`created_at`);--> statement-breakpoint
CREATE INDEX `inbound_log_envelope_from_idx` ON `inbound_log` (lower(`envelope_from`));--> statement-breakpoint
CREATE INDEX `inbound_log_from_header_idx` ON `inbound_log` (lower(`from_header`));--> statement-breakpoint
-- An added address now exists only after its explicit yes. Rows written by the old
-- "Add an address" before any answer held mail under the asking account: drop them.
DELETE FROM `user_addresses` WHERE `verified_at` IS NULL AND `is_primary` = 0;
