-- Fill the upload outbox in the same transaction as every change (district-api.md).
-- One row per (kind, id): five changes since the last upload are sent once, at the latest version.
-- A change to a record that sits in an unanswered batch frees it (batch_id = NULL) so that the newer
-- version goes out in a later batch; the old batch is still retried as it was, and the district counts
-- its older version as a duplicate.
CREATE TRIGGER cases_outbox_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('case', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER cases_outbox_update AFTER UPDATE ON cases
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('case', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER parties_outbox_insert AFTER INSERT ON parties
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('party', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER parties_outbox_update AFTER UPDATE ON parties
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('party', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER sessions_outbox_insert AFTER INSERT ON sessions
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('session', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER sessions_outbox_update AFTER UPDATE ON sessions
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('session', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER documents_outbox_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('document', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER documents_outbox_update AFTER UPDATE ON documents
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('document', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER mediators_outbox_insert AFTER INSERT ON mediators
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('mediator', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER mediators_outbox_update AFTER UPDATE ON mediators
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('mediator', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER confirmations_outbox_insert AFTER INSERT ON confirmations
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('confirmation', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER confirmations_outbox_update AFTER UPDATE ON confirmations
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('confirmation', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER followups_outbox_insert AFTER INSERT ON followups
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('followup', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
CREATE TRIGGER followups_outbox_update AFTER UPDATE ON followups
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('followup', NEW.id, NEW.version, NEW.updated_at, NULL)
  ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, queued_at = excluded.queued_at, batch_id = NULL;
END;
--> statement-breakpoint
-- Audit rows about domain records are uploaded as append-only `event` records (version 1);
-- rows about users, settings and the centre itself stay local.
CREATE TRIGGER audit_outbox_insert AFTER INSERT ON audit
WHEN NEW.entity_kind IN ('case', 'party', 'session', 'document', 'mediator', 'confirmation', 'followup')
BEGIN
  INSERT INTO outbox (kind, record_id, version, queued_at, batch_id)
  VALUES ('event', NEW.id, 1, NEW.at, NULL)
  ON CONFLICT (kind, record_id) DO NOTHING;
END;
--> statement-breakpoint
-- The audit trail is append-only: refuse edits and deletions at the lowest level.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
