ALTER TABLE `outbox` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `effects_json` text;