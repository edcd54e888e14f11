-- Writing an outbox row applies its effects in the same statement: the reply
-- token, the nudges it sends, the next rungs of their ladders, thread counts and
-- the day's digest. A row a concurrent tick already wrote is ignored by the
-- insert, so its effects never apply twice. Hand-written: drizzle-kit does not
-- model triggers.
CREATE TRIGGER `outbox_apply_effects` AFTER INSERT ON `outbox`
WHEN NEW.effects_json IS NOT NULL
BEGIN
	INSERT INTO tokens (id, user_id, purpose, token_hash, outbox_id, context_json, expires_at, created_at)
		SELECT NEW.effects_json ->> '$.token.id', NEW.user_id, 'reply', NEW.effects_json ->> '$.token.hash', NEW.id,
			NEW.effects_json ->> '$.token.context', NEW.effects_json ->> '$.token.expiresAt', NEW.created_at
		WHERE NEW.effects_json ->> '$.token.id' IS NOT NULL;
	UPDATE nudges SET state = 'sent', sent_at = NEW.created_at, updated_at = NEW.created_at
		WHERE user_id = NEW.user_id AND state IN ('pending', 'snoozed')
			AND id IN (SELECT value FROM json_each(NEW.effects_json, '$.sent'));
	INSERT INTO nudges (id, user_id, contact_id, thread_id, kind, state, due_at, due_on, attempt, note, created_at, updated_at)
		SELECT n.value ->> 'id', NEW.user_id, n.value ->> 'contactId', n.value ->> 'threadId', n.value ->> 'kind', 'pending',
			n.value ->> 'dueAt', n.value ->> 'dueOn', n.value ->> 'attempt', n.value ->> 'note', NEW.created_at, NEW.created_at
		FROM json_each(NEW.effects_json, '$.next') n;
	UPDATE threads SET
		attempts = max(attempts, (SELECT t.value ->> 'attempts' FROM json_each(NEW.effects_json, '$.threads') t WHERE t.value ->> 'id' = threads.id)),
		state = CASE
			WHEN state = 'open' AND (SELECT t.value ->> 'dormant' FROM json_each(NEW.effects_json, '$.threads') t WHERE t.value ->> 'id' = threads.id) = 1
			THEN 'dormant' ELSE state END,
		updated_at = NEW.created_at
		WHERE user_id = NEW.user_id AND id IN (SELECT value ->> 'id' FROM json_each(NEW.effects_json, '$.threads'));
	UPDATE users SET last_digest_on = NEW.effects_json ->> '$.digestOn'
		WHERE id = NEW.user_id AND NEW.effects_json ->> '$.digestOn' IS NOT NULL;
	UPDATE outbox SET effects_json = NULL WHERE id = NEW.id;
END;
