import type { casesOps } from '../../common/api/cases';
import { addParty, removeParty, updateParty } from '../../services/cases/parties';
import { assignMediator, unassignMediator } from '../../services/cases/mediators';
import { escalateCase, setAgreement, setDeadline, setUndisputed, stepCase, updateCaseFields } from '../../services/cases/lifecycle';
import { caseDetailFor } from '../../services/cases/access';
import { deskSummary, listCases } from '../../services/cases/queries';
import { registerCase } from '../../services/cases/register';
import { findRepeats } from '../../services/cases/repeat-dispute-check';
import { searchCases } from '../../services/cases/search';
import { addSession, updateSession } from '../../services/cases/sessions';
import type { Handlers, SignedInCall } from '../handler';

/** The case as the caller may see it (masked without the right to read it in full), with what they may do. */
const view = (call: SignedInCall, id: string) => caseDetailFor(call.app.ctx, call.user, id);

/**
 * Every case operation answers with the case as it now is, so the page shows the new version. Who
 * may act on which case is checked before these run (api/case-scope.ts).
 */
export const casesHandlers: Handlers<typeof casesOps> = {
  'cases.register': (input, call) => view(call, registerCase(call.app.ctx, call.actor, input)),
  'cases.checkRepeat': (input, { app }) => findRepeats(app.ctx, input.parties, input.excludeCaseId),
  'cases.get': (input, call) => view(call, input.id),
  'cases.list': (input, { app }) => listCases(app.ctx, input),
  'cases.search': (input, { app }) => searchCases(app.ctx, input.q, input.limit),
  'cases.desk': (_input, { app, user }) => deskSummary(app.ctx, user),
  'cases.update': (input, call) => {
    updateCaseFields(call.app.ctx, call.actor, input.id, input.version, input.patch);
    return view(call, input.id);
  },
  'cases.step': (input, call) => {
    stepCase(call.app.ctx, call.actor, input);
    return view(call, input.id);
  },
  'cases.setDeadline': (input, call) => {
    setDeadline(call.app.ctx, call.actor, input.id, input.version, input.deadline, input.reason);
    return view(call, input.id);
  },
  'cases.escalate': (input, call) => {
    escalateCase(call.app.ctx, call.actor, input.id, input.version, input.reason);
    return view(call, input.id);
  },
  'cases.setAgreement': (input, call) => {
    setAgreement(call.app.ctx, call.actor, input.id, input.version, input.agreement, input.agreedAmountFen, input.agreementEffectiveAt);
    return view(call, input.id);
  },
  'cases.setUndisputed': (input, call) => {
    setUndisputed(call.app.ctx, call.actor, input.id, input.version, input.undisputed);
    return view(call, input.id);
  },
  'cases.assignMediator': (input, call) => {
    assignMediator(call.app.ctx, call.actor, input);
    return view(call, input.id);
  },
  'cases.unassignMediator': (input, call) => {
    unassignMediator(call.app.ctx, call.actor, input);
    return view(call, input.id);
  },
  'parties.add': (input, call) => {
    addParty(call.app.ctx, call.actor, input.id, input.version, input.party);
    return view(call, input.id);
  },
  'parties.update': (input, call) => {
    updateParty(call.app.ctx, call.actor, input.caseId, input.partyId, input.partyVersion, input.party);
    return view(call, input.caseId);
  },
  'parties.remove': (input, call) => {
    removeParty(call.app.ctx, call.actor, input.id, input.version, input.partyId);
    return view(call, input.id);
  },
  'sessions.add': (input, call) => {
    addSession(call.app.ctx, call.actor, input.caseId, input.session);
    return view(call, input.caseId);
  },
  'sessions.update': (input, call) => {
    updateSession(call.app.ctx, call.actor, input.caseId, input.sessionId, input.sessionVersion, input.session);
    return view(call, input.caseId);
  },
};
