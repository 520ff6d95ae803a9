-- Search finds what people type (issue 19). The trigram index (0002) cannot match one or two
-- characters, and the prefix range on parties.name only finds names that START with them, so a
-- given name alone (秀兰 in 王秀兰) or a character inside a name (𠀀 in 张𠀀明) found nothing.
-- party_name_grams holds every 1- and 2-character piece of every party name, kept by triggers,
-- so any short piece is one B-tree lookup. name_positions numbers the characters of a name
-- (names are at most 100 characters; CTEs are not allowed in triggers).
CREATE TABLE name_positions (n INTEGER PRIMARY KEY);
--> statement-breakpoint
INSERT INTO name_positions (n) SELECT value FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120]');
--> statement-breakpoint
CREATE TABLE party_name_grams (gram TEXT NOT NULL, party_rowid INTEGER NOT NULL, PRIMARY KEY (gram, party_rowid)) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX party_name_grams_party_idx ON party_name_grams (party_rowid);
--> statement-breakpoint
CREATE TRIGGER party_name_grams_insert AFTER INSERT ON parties
BEGIN
  INSERT OR IGNORE INTO party_name_grams (gram, party_rowid)
    SELECT substr(NEW.name, n, 1), NEW.rowid FROM name_positions WHERE n <= length(NEW.name)
    UNION SELECT substr(NEW.name, n, 2), NEW.rowid FROM name_positions WHERE n < length(NEW.name);
END;
--> statement-breakpoint
CREATE TRIGGER party_name_grams_delete AFTER DELETE ON parties
BEGIN
  DELETE FROM party_name_grams WHERE party_rowid = OLD.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER party_name_grams_update AFTER UPDATE OF name ON parties
BEGIN
  DELETE FROM party_name_grams WHERE party_rowid = OLD.rowid;
  INSERT OR IGNORE INTO party_name_grams (gram, party_rowid)
    SELECT substr(NEW.name, n, 1), NEW.rowid FROM name_positions WHERE n <= length(NEW.name)
    UNION SELECT substr(NEW.name, n, 2), NEW.rowid FROM name_positions WHERE n < length(NEW.name);
END;
--> statement-breakpoint
INSERT OR IGNORE INTO party_name_grams (gram, party_rowid)
  SELECT substr(p.name, n, 1), p.rowid FROM parties p JOIN name_positions ON n <= length(p.name)
  UNION SELECT substr(p.name, n, 2), p.rowid FROM parties p JOIN name_positions ON n < length(p.name);
--> statement-breakpoint
-- Court reference numbers（（2026）豫0711民诉前调123号）are quoted by their tail: 民诉前调123号,
-- 123号. Their serial (the digits before 号) is indexed, so a search looks up the few numbers
-- with that serial and keeps those that contain what was typed. The contract stores every
-- number normalised and ending in 号; the search uses exactly this expression.
CREATE INDEX court_referrals_serial_idx ON court_referrals (CAST(substr(reference_number, length(rtrim(reference_number, '0123456789号')) + 1) AS INTEGER));
--> statement-breakpoint
-- Initial passwords (issue 19): a user created or reset by an admin must choose a new password
-- before doing anything else. Existing accounts are not forced.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
