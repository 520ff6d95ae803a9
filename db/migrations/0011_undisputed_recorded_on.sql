-- 无争议事实记载 carries the day the facts were recorded with the parties (记载时间), fixed, instead
-- of the day it is printed. Records made before this keep the day they were last saved, read from
-- the case timeline (the latest case.setUndisputed event; `at` is the centre's local time), else the
-- day the case failed, else the case's last change. The version goes up so the district gets the
-- record with its day (district-api.md: a record is sent whole, at its latest version).
UPDATE cases
SET
  undisputed = json_set(
    undisputed,
    '$.recordedOn',
    COALESCE(
      (SELECT substr(a.at, 1, 10) FROM audit a WHERE a.case_id = cases.id AND a.operation = 'case.setUndisputed' ORDER BY a.id DESC LIMIT 1),
      substr(cases.outcome_at, 1, 10),
      substr(cases.updated_at, 1, 10)
    )
  ),
  version = version + 1
WHERE undisputed IS NOT NULL
  AND json_valid(undisputed)
  AND json_type(undisputed) = 'object'
  AND json_type(undisputed, '$.recordedOn') IS NULL;
