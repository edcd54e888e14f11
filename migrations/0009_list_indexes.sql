CREATE TABLE `message_people` (
	`user_id` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL,
	`message_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `address`, `at`, `message_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `inbound_log_user_created_idx`;--> statement-breakpoint
CREATE INDEX `inbound_log_user_created_id_idx` ON `inbound_log` (`user_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `contacts_user_status_idx`;--> statement-breakpoint
CREATE INDEX `contacts_user_recent_idx` ON `contacts` (`user_id`,(case when "last_contact_at" is null then "created_at" else "last_contact_at" end),`id`);--> statement-breakpoint
CREATE INDEX `contacts_user_status_recent_idx` ON `contacts` (`user_id`,`status`,(case when "last_contact_at" is null then "created_at" else "last_contact_at" end),`id`);--> statement-breakpoint
CREATE INDEX `nudges_contact_due_idx` ON `nudges` (`contact_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `nudges_user_open_due_idx` ON `nudges` (`user_id`,`due_at`,`id`) WHERE "nudges"."state" in ('pending', 'sent', 'snoozed');--> statement-breakpoint
-- message_people: who each message names (sender, To, Cc; lower-cased), for a contact's timeline.
-- The sender of the user's own mail is the user, never a contact: not stored (each row is 2 writes).
CREATE TRIGGER `message_people_on_insert` AFTER INSERT ON `messages`
BEGIN
	INSERT OR IGNORE INTO message_people (user_id, address, at, message_id)
		SELECT NEW.user_id, p.address, coalesce(NEW.sent_at, NEW.created_at), NEW.id
		FROM (SELECT lower(NEW.from_address) AS address WHERE NEW.direction <> 'outbound'
			UNION SELECT lower(j.value ->> 'address') FROM json_each(NEW.to_json) j
			UNION SELECT lower(j.value ->> 'address') FROM json_each(NEW.cc_json) j) p
		WHERE p.address IS NOT NULL AND p.address <> '';
END;--> statement-breakpoint
INSERT OR IGNORE INTO message_people (user_id, address, at, message_id)
	SELECT m.user_id, lower(m.from_address), coalesce(m.sent_at, m.created_at), m.id FROM messages m
	WHERE m.from_address <> '' AND m.direction <> 'outbound';--> statement-breakpoint
INSERT OR IGNORE INTO message_people (user_id, address, at, message_id)
	SELECT m.user_id, lower(j.value ->> 'address'), coalesce(m.sent_at, m.created_at), m.id
	FROM messages m, json_each(m.to_json) j WHERE coalesce(j.value ->> 'address', '') <> '';--> statement-breakpoint
INSERT OR IGNORE INTO message_people (user_id, address, at, message_id)
	SELECT m.user_id, lower(j.value ->> 'address'), coalesce(m.sent_at, m.created_at), m.id
	FROM messages m, json_each(m.cc_json) j WHERE coalesce(j.value ->> 'address', '') <> '';--> statement-breakpoint
-- The tick's trigger (last defined in 0006), unchanged but for unary `+`: each statement finds
-- its rows by id (the ids the mail's effects list), never by an index on user, state or due time.
-- Given those, SQLite scanned every due nudge of the tick (nudges_state_due_idx) once per mail
-- written: rows read per digest grew with the users due in the tick.
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
		WHERE +user_id = NEW.user_id AND +state IN ('pending', 'snoozed') AND +due_at <= NEW.created_at
			AND id IN (SELECT value ->> 'id' FROM json_each(NEW.effects_json, '$.sent'));
	UPDATE nudges SET state = 'superseded', closed_at = NEW.created_at, updated_at = NEW.created_at
		WHERE +user_id = NEW.user_id AND +state = 'sent'
			AND id IN (SELECT value ->> 'replaces' FROM json_each(NEW.effects_json, '$.replace'));
	INSERT INTO nudges (id, user_id, contact_id, thread_id, kind, state, due_at, due_on, attempt, note, sent_at, wake_at, created_at, updated_at)
		SELECT r.value ->> 'id', NEW.user_id, r.value ->> 'contactId', r.value ->> 'threadId', r.value ->> 'kind', 'sent',
			r.value ->> 'dueAt', r.value ->> 'dueOn', r.value ->> 'attempt', r.value ->> 'note', NEW.created_at, r.value ->> 'wakeAt',
			NEW.created_at, NEW.created_at
		FROM json_each(NEW.effects_json, '$.replace') r
		WHERE EXISTS (SELECT 1 FROM nudges o WHERE o.id = r.value ->> 'replaces' AND +o.user_id = NEW.user_id
				AND +o.state = 'superseded' AND +o.closed_at = NEW.created_at)
			AND NOT EXISTS (SELECT 1 FROM nudges o WHERE o.contact_id = r.value ->> 'contactId'
				AND o.state IN ('pending', 'sent', 'snoozed'));
	UPDATE contacts SET status = 'dormant', updated_at = NEW.created_at
		WHERE +user_id = NEW.user_id AND +status = 'awaiting_reply'
			AND id IN (SELECT value FROM json_each(NEW.effects_json, '$.dormant'));
	UPDATE users SET last_digest_on = NEW.effects_json ->> '$.digestOn'
		WHERE id = NEW.user_id AND NEW.effects_json ->> '$.digestOn' IS NOT NULL;
	UPDATE outbox SET effects_json = NULL WHERE id = NEW.id;
END;
