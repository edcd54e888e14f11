-- The follow-up lifecycle (DESIGN.md): one thread per contact, at most one open nudge.
ALTER TABLE `contacts` ADD `introduced_at` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `met_at` integer;--> statement-breakpoint
ALTER TABLE `nudges` ADD `wake_at` integer;--> statement-breakpoint
-- Close the rungs that the old ladder left open side by side: per contact, keep the newest
-- undelivered one (else the newest delivered one); the others are superseded.
UPDATE `nudges` SET `state` = 'superseded', `closed_at` = `updated_at`
	WHERE `contact_id` IS NOT NULL AND `state` IN ('pending', 'sent', 'snoozed')
		AND `id` <> (SELECT o.`id` FROM `nudges` o
			WHERE o.`contact_id` = `nudges`.`contact_id` AND o.`state` IN ('pending', 'sent', 'snoozed')
			ORDER BY (o.`state` <> 'sent') DESC, o.`created_at` DESC, o.`id` DESC LIMIT 1);--> statement-breakpoint
CREATE INDEX `nudges_wake_idx` ON `nudges` (`wake_at`) WHERE "nudges"."state" = 'sent';--> statement-breakpoint
CREATE UNIQUE INDEX `nudges_one_open_per_contact` ON `nudges` (`contact_id`) WHERE "nudges"."contact_id" is not null and "nudges"."state" in ('pending', 'sent', 'snoozed');--> statement-breakpoint
CREATE INDEX `messages_message_id_idx` ON `messages` (`message_id`);--> statement-breakpoint
-- What writing one reminder mail does (the tick's effects), now rung by rung: a delivered
-- nudge stays open until `wake_at`; a waking one is superseded by its successor, which this
-- mail delivers. Guards keep the one-open-nudge index from ever failing the tick's insert, and a
-- nudge snoozed after the tick read it (its due_at moved past now) is not marked sent.
DROP TRIGGER IF EXISTS `outbox_apply_effects`;--> statement-breakpoint
CREATE TRIGGER `outbox_apply_effects` AFTER INSERT ON `outbox`
WHEN NEW.effects_json IS NOT NULL
BEGIN
	INSERT INTO tokens (id, user_id, purpose, token_hash, outbox_id, context_json, expires_at, created_at)
		SELECT NEW.effects_json ->> '$.token.id', NEW.user_id, 'reply', NEW.effects_json ->> '$.token.hash', NEW.id,
			NEW.effects_json ->> '$.token.context', NEW.effects_json ->> '$.token.expiresAt', NEW.created_at
		WHERE NEW.effects_json ->> '$.token.id' IS NOT NULL;
	UPDATE nudges SET state = 'sent', sent_at = NEW.created_at, updated_at = NEW.created_at,
		wake_at = (SELECT s.value ->> 'wakeAt' FROM json_each(NEW.effects_json, '$.sent') s WHERE s.value ->> 'id' = nudges.id)
		WHERE user_id = NEW.user_id AND state IN ('pending', 'snoozed') AND due_at <= NEW.created_at
			AND id IN (SELECT value ->> 'id' FROM json_each(NEW.effects_json, '$.sent'));
	UPDATE nudges SET state = 'superseded', closed_at = NEW.created_at, updated_at = NEW.created_at
		WHERE user_id = NEW.user_id AND state = 'sent'
			AND id IN (SELECT value ->> 'replaces' FROM json_each(NEW.effects_json, '$.replace'));
	INSERT INTO nudges (id, user_id, contact_id, thread_id, kind, state, due_at, due_on, attempt, note, sent_at, wake_at, created_at, updated_at)
		SELECT r.value ->> 'id', NEW.user_id, r.value ->> 'contactId', r.value ->> 'threadId', r.value ->> 'kind', 'sent',
			r.value ->> 'dueAt', r.value ->> 'dueOn', r.value ->> 'attempt', r.value ->> 'note', NEW.created_at, r.value ->> 'wakeAt',
			NEW.created_at, NEW.created_at
		FROM json_each(NEW.effects_json, '$.replace') r
		WHERE EXISTS (SELECT 1 FROM nudges o WHERE o.id = r.value ->> 'replaces' AND o.user_id = NEW.user_id
				AND o.state = 'superseded' AND o.closed_at = NEW.created_at)
			AND NOT EXISTS (SELECT 1 FROM nudges o WHERE o.contact_id = r.value ->> 'contactId'
				AND o.state IN ('pending', 'sent', 'snoozed'));
	UPDATE contacts SET status = 'dormant', updated_at = NEW.created_at
		WHERE user_id = NEW.user_id AND status = 'awaiting_reply'
			AND id IN (SELECT value FROM json_each(NEW.effects_json, '$.dormant'));
	UPDATE users SET last_digest_on = NEW.effects_json ->> '$.digestOn'
		WHERE id = NEW.user_id AND NEW.effects_json ->> '$.digestOn' IS NOT NULL;
	UPDATE outbox SET effects_json = NULL WHERE id = NEW.id;
END;
