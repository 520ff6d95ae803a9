-- sessions.kind: 调解 (mediation) or 调查 (investigation); the sessions written before are mediations.
-- The list is checked by the house's code-check triggers (db/code-checks.ts), rendered for sessions.
ALTER TABLE `sessions` ADD `kind` text DEFAULT 'mediation' NOT NULL;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_sessions_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_sessions_insert BEFORE INSERT ON sessions
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: sessions.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('mediation', 'investigation');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_sessions_update;
--> statement-breakpoint
CREATE TRIGGER code_check_sessions_update BEFORE UPDATE OF kind ON sessions
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: sessions.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('mediation', 'investigation');
END;
