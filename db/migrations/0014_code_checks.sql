-- SQLite refuses a code outside its list (db/code-checks.ts renders these from the lists db/schema.ts
-- declares): one BEFORE INSERT and one BEFORE UPDATE OF trigger per table with code columns. Triggers, not CHECK
-- constraints: a CHECK on an existing column would rebuild each table with its indexes and its outbox and
-- search-index triggers. Existing rows are not re-checked; no build wrote a code outside its list.
DROP TRIGGER IF EXISTS code_check_case_mediators_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_case_mediators_insert BEFORE INSERT ON case_mediators
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: case_mediators.role') WHERE NEW.role IS NOT NULL AND NEW.role NOT IN ('lead', 'assistant');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: case_mediators.chosen_by') WHERE NEW.chosen_by IS NOT NULL AND NEW.chosen_by NOT IN ('parties', 'assigned');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_case_mediators_update;
--> statement-breakpoint
CREATE TRIGGER code_check_case_mediators_update BEFORE UPDATE OF role, chosen_by ON case_mediators
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: case_mediators.role') WHERE NEW.role IS NOT OLD.role AND NEW.role IS NOT NULL AND NEW.role NOT IN ('lead', 'assistant');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: case_mediators.chosen_by') WHERE NEW.chosen_by IS NOT OLD.chosen_by AND NEW.chosen_by IS NOT NULL AND NEW.chosen_by NOT IN ('parties', 'assigned');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_cases_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_cases_insert BEFORE INSERT ON cases
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.category') WHERE NEW.category IS NOT NULL AND NEW.category NOT IN ('marriage_family', 'neighbor', 'housing_homestead', 'contract', 'business', 'damages', 'forest_land', 'land_expropriation', 'environment', 'labor', 'consumer', 'medical', 'traffic_accident', 'property_management', 'other', 'petition_backlog', 'administrative', 'insolvency');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.source') WHERE NEW.source IS NOT NULL AND NEW.source NOT IN ('walk_in', 'grid_report', 'petition_referral', 'informant_report', 'court_delegated', 'court_entrusted', 'agency_referral', 'hotline', 'other');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.tier') WHERE NEW.tier IS NOT NULL AND NEW.tier NOT IN ('village', 'town', 'district');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.origin_tier') WHERE NEW.origin_tier IS NOT NULL AND NEW.origin_tier NOT IN ('village', 'town', 'district');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.status') WHERE NEW.status IS NOT NULL AND NEW.status NOT IN ('registered', 'accepted', 'rejected', 'mediating', 'agreement', 'failed', 'withdrawn', 'transferred', 'closed');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.outcome') WHERE NEW.outcome IS NOT NULL AND NEW.outcome NOT IN ('agreement', 'failed', 'withdrawn', 'transferred', 'ended');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_cases_update;
--> statement-breakpoint
CREATE TRIGGER code_check_cases_update BEFORE UPDATE OF category, source, tier, origin_tier, status, outcome ON cases
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.category') WHERE NEW.category IS NOT OLD.category AND NEW.category IS NOT NULL AND NEW.category NOT IN ('marriage_family', 'neighbor', 'housing_homestead', 'contract', 'business', 'damages', 'forest_land', 'land_expropriation', 'environment', 'labor', 'consumer', 'medical', 'traffic_accident', 'property_management', 'other', 'petition_backlog', 'administrative', 'insolvency');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.source') WHERE NEW.source IS NOT OLD.source AND NEW.source IS NOT NULL AND NEW.source NOT IN ('walk_in', 'grid_report', 'petition_referral', 'informant_report', 'court_delegated', 'court_entrusted', 'agency_referral', 'hotline', 'other');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.tier') WHERE NEW.tier IS NOT OLD.tier AND NEW.tier IS NOT NULL AND NEW.tier NOT IN ('village', 'town', 'district');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.origin_tier') WHERE NEW.origin_tier IS NOT OLD.origin_tier AND NEW.origin_tier IS NOT NULL AND NEW.origin_tier NOT IN ('village', 'town', 'district');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.status') WHERE NEW.status IS NOT OLD.status AND NEW.status IS NOT NULL AND NEW.status NOT IN ('registered', 'accepted', 'rejected', 'mediating', 'agreement', 'failed', 'withdrawn', 'transferred', 'closed');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: cases.outcome') WHERE NEW.outcome IS NOT OLD.outcome AND NEW.outcome IS NOT NULL AND NEW.outcome NOT IN ('agreement', 'failed', 'withdrawn', 'transferred', 'ended');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_centre_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_centre_insert BEFORE INSERT ON centre
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: centre.tier') WHERE NEW.tier IS NOT NULL AND NEW.tier NOT IN ('village', 'town', 'district');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_centre_update;
--> statement-breakpoint
CREATE TRIGGER code_check_centre_update BEFORE UPDATE OF tier ON centre
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: centre.tier') WHERE NEW.tier IS NOT OLD.tier AND NEW.tier IS NOT NULL AND NEW.tier NOT IN ('village', 'town', 'district');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_confirmations_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_confirmations_insert BEFORE INSERT ON confirmations
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: confirmations.ruling') WHERE NEW.ruling IS NOT NULL AND NEW.ruling NOT IN ('confirmed', 'dismissed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_confirmations_update;
--> statement-breakpoint
CREATE TRIGGER code_check_confirmations_update BEFORE UPDATE OF ruling ON confirmations
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: confirmations.ruling') WHERE NEW.ruling IS NOT OLD.ruling AND NEW.ruling IS NOT NULL AND NEW.ruling NOT IN ('confirmed', 'dismissed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_court_referrals_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_court_referrals_insert BEFORE INSERT ON court_referrals
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: court_referrals.mode') WHERE NEW.mode IS NOT NULL AND NEW.mode NOT IN ('delegated', 'entrusted');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: court_referrals.procedure') WHERE NEW.procedure IS NOT NULL AND NEW.procedure NOT IN ('ordinary', 'simple');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: court_referrals.result') WHERE NEW.result IS NOT NULL AND NEW.result NOT IN ('agreement', 'failed', 'withdrawn');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_court_referrals_update;
--> statement-breakpoint
CREATE TRIGGER code_check_court_referrals_update BEFORE UPDATE OF mode, procedure, result ON court_referrals
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: court_referrals.mode') WHERE NEW.mode IS NOT OLD.mode AND NEW.mode IS NOT NULL AND NEW.mode NOT IN ('delegated', 'entrusted');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: court_referrals.procedure') WHERE NEW.procedure IS NOT OLD.procedure AND NEW.procedure IS NOT NULL AND NEW.procedure NOT IN ('ordinary', 'simple');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: court_referrals.result') WHERE NEW.result IS NOT OLD.result AND NEW.result IS NOT NULL AND NEW.result NOT IN ('agreement', 'failed', 'withdrawn');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_devices_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_devices_insert BEFORE INSERT ON devices
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: devices.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('desk', 'kiosk', 'display');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_devices_update;
--> statement-breakpoint
CREATE TRIGGER code_check_devices_update BEFORE UPDATE OF kind ON devices
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: devices.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('desk', 'kiosk', 'display');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_followups_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_followups_insert BEFORE INSERT ON followups
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: followups.method') WHERE NEW.method IS NOT NULL AND NEW.method NOT IN ('visit', 'phone', 'other');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: followups.performance') WHERE NEW.performance IS NOT NULL AND NEW.performance NOT IN ('performed', 'partly', 'not_performed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_followups_update;
--> statement-breakpoint
CREATE TRIGGER code_check_followups_update BEFORE UPDATE OF method, performance ON followups
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: followups.method') WHERE NEW.method IS NOT OLD.method AND NEW.method IS NOT NULL AND NEW.method NOT IN ('visit', 'phone', 'other');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: followups.performance') WHERE NEW.performance IS NOT OLD.performance AND NEW.performance IS NOT NULL AND NEW.performance NOT IN ('performed', 'partly', 'not_performed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_import_batches_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_import_batches_insert BEFORE INSERT ON import_batches
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: import_batches.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('cases', 'roster');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_import_batches_update;
--> statement-breakpoint
CREATE TRIGGER code_check_import_batches_update BEFORE UPDATE OF kind ON import_batches
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: import_batches.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('cases', 'roster');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_intakes_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_intakes_insert BEFORE INSERT ON intakes
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: intakes.channel') WHERE NEW.channel IS NOT NULL AND NEW.channel NOT IN ('kiosk', 'clerk');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: intakes.category') WHERE NEW.category IS NOT NULL AND NEW.category NOT IN ('marriage_family', 'neighbor', 'housing_homestead', 'contract', 'business', 'damages', 'forest_land', 'land_expropriation', 'environment', 'labor', 'consumer', 'medical', 'traffic_accident', 'property_management', 'other', 'petition_backlog', 'administrative', 'insolvency');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: intakes.status') WHERE NEW.status IS NOT NULL AND NEW.status NOT IN ('pending', 'accepted', 'merged', 'rejected');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_intakes_update;
--> statement-breakpoint
CREATE TRIGGER code_check_intakes_update BEFORE UPDATE OF channel, category, status ON intakes
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: intakes.channel') WHERE NEW.channel IS NOT OLD.channel AND NEW.channel IS NOT NULL AND NEW.channel NOT IN ('kiosk', 'clerk');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: intakes.category') WHERE NEW.category IS NOT OLD.category AND NEW.category IS NOT NULL AND NEW.category NOT IN ('marriage_family', 'neighbor', 'housing_homestead', 'contract', 'business', 'damages', 'forest_land', 'land_expropriation', 'environment', 'labor', 'consumer', 'medical', 'traffic_accident', 'property_management', 'other', 'petition_backlog', 'administrative', 'insolvency');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: intakes.status') WHERE NEW.status IS NOT OLD.status AND NEW.status IS NOT NULL AND NEW.status NOT IN ('pending', 'accepted', 'merged', 'rejected');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_mediators_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_mediators_insert BEFORE INSERT ON mediators
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: mediators.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('resident', 'invited', 'invited_org');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: mediators.status') WHERE NEW.status IS NOT NULL AND NEW.status NOT IN ('active', 'suspended', 'removed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_mediators_update;
--> statement-breakpoint
CREATE TRIGGER code_check_mediators_update BEFORE UPDATE OF kind, status ON mediators
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: mediators.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('resident', 'invited', 'invited_org');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: mediators.status') WHERE NEW.status IS NOT OLD.status AND NEW.status IS NOT NULL AND NEW.status NOT IN ('active', 'suspended', 'removed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_outbox_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_outbox_insert BEFORE INSERT ON outbox
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: outbox.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_outbox_update;
--> statement-breakpoint
CREATE TRIGGER code_check_outbox_update BEFORE UPDATE OF kind ON outbox
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: outbox.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_pairing_codes_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_pairing_codes_insert BEFORE INSERT ON pairing_codes
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: pairing_codes.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('desk', 'kiosk', 'display');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_pairing_codes_update;
--> statement-breakpoint
CREATE TRIGGER code_check_pairing_codes_update BEFORE UPDATE OF kind ON pairing_codes
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: pairing_codes.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('desk', 'kiosk', 'display');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_parties_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_parties_insert BEFORE INSERT ON parties
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.role') WHERE NEW.role IS NOT NULL AND NEW.role NOT IN ('applicant', 'respondent', 'third_party', 'agent');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('person', 'org');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.sex') WHERE NEW.sex IS NOT NULL AND NEW.sex NOT IN ('male', 'female');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.id_type') WHERE NEW.id_type IS NOT NULL AND NEW.id_type NOT IN ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent', 'other');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.authority') WHERE NEW.authority IS NOT NULL AND NEW.authority NOT IN ('general', 'special');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_parties_update;
--> statement-breakpoint
CREATE TRIGGER code_check_parties_update BEFORE UPDATE OF role, kind, sex, id_type, authority ON parties
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.role') WHERE NEW.role IS NOT OLD.role AND NEW.role IS NOT NULL AND NEW.role NOT IN ('applicant', 'respondent', 'third_party', 'agent');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('person', 'org');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.sex') WHERE NEW.sex IS NOT OLD.sex AND NEW.sex IS NOT NULL AND NEW.sex NOT IN ('male', 'female');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.id_type') WHERE NEW.id_type IS NOT OLD.id_type AND NEW.id_type IS NOT NULL AND NEW.id_type NOT IN ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent', 'other');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: parties.authority') WHERE NEW.authority IS NOT OLD.authority AND NEW.authority IS NOT NULL AND NEW.authority NOT IN ('general', 'special');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_queue_tickets_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_queue_tickets_insert BEFORE INSERT ON queue_tickets
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: queue_tickets.status') WHERE NEW.status IS NOT NULL AND NEW.status NOT IN ('waiting', 'called', 'serving', 'done', 'no_show');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_queue_tickets_update;
--> statement-breakpoint
CREATE TRIGGER code_check_queue_tickets_update BEFORE UPDATE OF status ON queue_tickets
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: queue_tickets.status') WHERE NEW.status IS NOT OLD.status AND NEW.status IS NOT NULL AND NEW.status NOT IN ('waiting', 'called', 'serving', 'done', 'no_show');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_upload_rejections_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_upload_rejections_insert BEFORE INSERT ON upload_rejections
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: upload_rejections.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_upload_rejections_update;
--> statement-breakpoint
CREATE TRIGGER code_check_upload_rejections_update BEFORE UPDATE OF kind ON upload_rejections
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: upload_rejections.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_upload_runs_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_upload_runs_insert BEFORE INSERT ON upload_runs
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: upload_runs.trigger') WHERE NEW.trigger IS NOT NULL AND NEW.trigger NOT IN ('schedule', 'manual', 'cli', 'catch-up');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: upload_runs.result') WHERE NEW.result IS NOT NULL AND NEW.result NOT IN ('ok', 'partial', 'failed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_upload_runs_update;
--> statement-breakpoint
CREATE TRIGGER code_check_upload_runs_update BEFORE UPDATE OF trigger, result ON upload_runs
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: upload_runs.trigger') WHERE NEW.trigger IS NOT OLD.trigger AND NEW.trigger IS NOT NULL AND NEW.trigger NOT IN ('schedule', 'manual', 'cli', 'catch-up');
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: upload_runs.result') WHERE NEW.result IS NOT OLD.result AND NEW.result IS NOT NULL AND NEW.result NOT IN ('ok', 'partial', 'failed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_uploaded_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_uploaded_insert BEFORE INSERT ON uploaded
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: uploaded.kind') WHERE NEW.kind IS NOT NULL AND NEW.kind NOT IN ('case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_uploaded_update;
--> statement-breakpoint
CREATE TRIGGER code_check_uploaded_update BEFORE UPDATE OF kind ON uploaded
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: uploaded.kind') WHERE NEW.kind IS NOT OLD.kind AND NEW.kind IS NOT NULL AND NEW.kind NOT IN ('case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_users_insert;
--> statement-breakpoint
CREATE TRIGGER code_check_users_insert BEFORE INSERT ON users
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: users.role') WHERE NEW.role IS NOT NULL AND NEW.role NOT IN ('intake', 'mediator', 'court_mediator', 'admin');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS code_check_users_update;
--> statement-breakpoint
CREATE TRIGGER code_check_users_update BEFORE UPDATE OF role ON users
BEGIN
  SELECT RAISE(ABORT, '代码不在列表中 / not a code of its list: users.role') WHERE NEW.role IS NOT OLD.role AND NEW.role IS NOT NULL AND NEW.role NOT IN ('intake', 'mediator', 'court_mediator', 'admin');
END;
