import type { casesOps } from '../../common/api/cases';
import { addParty, removeParty, updateParty } from '../../services/cases/parties';
import { assignMediator, unassignMediator } from '../../services/cases/mediators';
import { escalateCase, setAgreement, setDeadline, setUndisputed, stepCase, updateCaseFields } from '../../services/cases/lifecycle';
import { deskSummary, getCaseDetail, listCases } from '../../services/cases/queries';
import { registerCase } from '../../services/cases/register';
import { findRepeats } from '../../services/cases/repeat';
import { searchCases } from '../../services/cases/search';
import { addSession, updateSession } from '../../services/cases/sessions';
import type { Handlers } from '../handler';

/** Every case operation answers with the case as it now is, so the page shows the new version. */
export const casesHandlers: Handlers<typeof casesOps> = {
  'cases.register': (input, { app, actor }) => getCaseDetail(app.ctx, registerCase(app.ctx, actor, input)),
  'cases.checkRepeat': (input, { app }) => findRepeats(app.ctx, input.parties, input.excludeCaseId),
  'cases.get': (input, { app }) => getCaseDetail(app.ctx, input.id),
  'cases.list': (input, { app }) => listCases(app.ctx, input),
  'cases.search': (input, { app }) => searchCases(app.ctx, input.q, input.limit),
  'cases.desk': (_input, { app, user }) => deskSummary(app.ctx, user),
  'cases.update': (input, { app, actor }) => {
    updateCaseFields(app.ctx, actor, input.id, input.version, input.patch);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.step': (input, { app, actor }) => {
    stepCase(app.ctx, actor, input);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.setDeadline': (input, { app, actor }) => {
    setDeadline(app.ctx, actor, input.id, input.version, input.deadline, input.reason);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.escalate': (input, { app, actor }) => {
    escalateCase(app.ctx, actor, input.id, input.version, input.reason);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.setAgreement': (input, { app, actor }) => {
    setAgreement(app.ctx, actor, input.id, input.version, input.agreement, input.agreedAmountYuan, input.agreementEffectiveAt);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.setUndisputed': (input, { app, actor }) => {
    setUndisputed(app.ctx, actor, input.id, input.version, input.undisputed);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.assignMediator': (input, { app, actor }) => {
    assignMediator(app.ctx, actor, input);
    return getCaseDetail(app.ctx, input.id);
  },
  'cases.unassignMediator': (input, { app, actor }) => {
    unassignMediator(app.ctx, actor, input);
    return getCaseDetail(app.ctx, input.id);
  },
  'parties.add': (input, { app, actor }) => {
    addParty(app.ctx, actor, input.id, input.version, input.party);
    return getCaseDetail(app.ctx, input.id);
  },
  'parties.update': (input, { app, actor }) => {
    updateParty(app.ctx, actor, input.caseId, input.partyId, input.partyVersion, input.party);
    return getCaseDetail(app.ctx, input.caseId);
  },
  'parties.remove': (input, { app, actor }) => {
    removeParty(app.ctx, actor, input.id, input.version, input.partyId);
    return getCaseDetail(app.ctx, input.id);
  },
  'sessions.add': (input, { app, actor }) => {
    addSession(app.ctx, actor, input.caseId, input.session);
    return getCaseDetail(app.ctx, input.caseId);
  },
  'sessions.update': (input, { app, actor }) => {
    updateSession(app.ctx, actor, input.caseId, input.sessionId, input.sessionVersion, input.session);
    return getCaseDetail(app.ctx, input.caseId);
  },
};
