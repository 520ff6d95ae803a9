-- Search over party names (cases.search). FTS5 with the trigram tokenizer finds any substring of
-- three or more characters (张三丰 in 李张三丰); one- and two-character queries (a surname, a short
-- name) use the B-tree index parties_name_idx as a prefix range instead, because trigram MATCH
-- returns nothing for them. The table mirrors parties.name through triggers (external content).
CREATE VIRTUAL TABLE parties_fts USING fts5(name, content='parties', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER parties_fts_insert AFTER INSERT ON parties
BEGIN
  INSERT INTO parties_fts (rowid, name) VALUES (NEW.rowid, NEW.name);
END;
--> statement-breakpoint
CREATE TRIGGER parties_fts_delete AFTER DELETE ON parties
BEGIN
  INSERT INTO parties_fts (parties_fts, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
END;
--> statement-breakpoint
CREATE TRIGGER parties_fts_update AFTER UPDATE OF name ON parties
BEGIN
  INSERT INTO parties_fts (parties_fts, rowid, name) VALUES ('delete', OLD.rowid, OLD.name);
  INSERT INTO parties_fts (rowid, name) VALUES (NEW.rowid, NEW.name);
END;
--> statement-breakpoint
INSERT INTO parties_fts (parties_fts) VALUES ('rebuild');
