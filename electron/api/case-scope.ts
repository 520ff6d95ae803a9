/**
 * Which case each operation of the contract acts on, and what it needs of it: the one place where
 * the case-level rule (common/access.ts) meets the contract. `withCaseAccess` wraps the handlers so
 * that every operation listed here with a need passes `requireCaseAccess` before its handler runs.
 *
 * The table is typed over every operation of the case domains (cases, court and follow-through,
 * documents, intake, roster): an operation added to one of them does not compile until it is
 * classified here, and tests/integration/access walks every 'write' entry with people who must be
 * refused.
 */
import type { casesOps } from '../common/api/cases';
import type { courtOps } from '../common/api/court';
import type { documentsOps } from '../common/api/documents';
import type { intakeOps } from '../common/api/intake';
import type { mediatorsOps } from '../common/api/mediators';
import { AppError } from '../common/errors';
import { caseIdOf, requireCaseAccess, type CaseNeed, type CaseRefKind } from '../services/cases/access';
import type { CallContext } from './handler';

/** 'none': not about one existing case (lists, searches, the queue, the roster) or it creates a new case. */
export type CaseScope = { need: 'none' } | { need: CaseNeed; ref: CaseRefKind };

type CaseDomainOp =
  keyof typeof casesOps | keyof typeof courtOps | keyof typeof documentsOps | keyof typeof intakeOps | keyof typeof mediatorsOps;

const NONE = { need: 'none' } as const;
const write = (ref: CaseRefKind): CaseScope => ({ need: 'write', ref });
const read = (ref: CaseRefKind): CaseScope => ({ need: 'read', ref });
const full = (ref: CaseRefKind): CaseScope => ({ need: 'full', ref });

export const CASE_SCOPES: Readonly<Record<CaseDomainOp, CaseScope>> = {
  // cases
  'cases.register': NONE,
  'cases.checkRepeat': NONE,
  'cases.get': read('id'),
  'cases.list': NONE,
  'cases.search': NONE,
  'cases.desk': NONE,
  'cases.update': write('id'),
  'cases.step': write('id'),
  'cases.setDeadline': write('id'),
  'cases.escalate': write('id'),
  'cases.setAgreement': write('id'),
  'cases.setUndisputed': write('id'),
  'cases.assignMediator': write('id'),
  'cases.unassignMediator': write('id'),
  'parties.add': write('id'),
  'parties.update': write('caseId'),
  'parties.remove': write('id'),
  'sessions.add': write('caseId'),
  'sessions.update': write('caseId'),
  // court docking and follow-through
  'court.registerReferral': NONE,
  'court.referrals': NONE,
  'court.referral': read('caseId'),
  'court.extend': write('id'),
  'court.reportResult': write('id'),
  'roster.performance': NONE,
  // With a case, the candidates carry their recusal against its parties: not for one who must stand aside.
  'roster.candidates': read('caseId'),
  'supervision.list': NONE,
  'supervision.setResponsibility': write('id'),
  'confirmations.get': read('caseId'),
  'confirmations.apply': write('caseId'),
  'confirmations.accept': write('confirmation'),
  'confirmations.rule': write('confirmation'),
  'followups.list': read('caseId'),
  'followups.schedule': write('caseId'),
  'followups.record': write('followup'),
  'followups.due': NONE,
  // documents: what they print is the case in full
  'documents.types': full('caseId'),
  'documents.preview': full('caseId'),
  'documents.generate': write('caseId'),
  'documents.list': read('caseId'),
  'documents.html': full('document'),
  'documents.docx': full('document'),
  'documents.markPrinted': write('document'),
  'documents.markSigned': write('document'),
  // intake counter: a registration merged into an open case is linked to it, the case is unchanged
  'intake.kioskInfo': NONE,
  'intake.submit': NONE,
  'intake.lookup': NONE,
  'intake.reprint': NONE,
  'intake.list': NONE,
  'intake.pending': NONE,
  'intake.accept': NONE,
  'intake.merge': { need: 'link', ref: 'caseId' },
  'intake.reject': NONE,
  'queue.today': NONE,
  'queue.callNext': NONE,
  'queue.call': NONE,
  'queue.setStatus': NONE,
  'queue.setDesk': NONE,
  'queue.display': NONE,
  'printers.list': NONE,
  'printers.save': NONE,
  'printers.remove': NONE,
  'printers.setTicket': NONE,
  'printers.test': NONE,
  'printers.status': NONE,
  // roster
  'mediators.list': NONE,
  'mediators.create': NONE,
  'mediators.update': NONE,
  'mediators.setStatus': NONE,
};

/** The check for one call: nothing for 'none', else the case named by the input must allow the need. */
export function enforceCaseScope(op: string, input: unknown, call: CallContext): void {
  const scope = (CASE_SCOPES as Record<string, CaseScope | undefined>)[op];
  if (!scope || scope.need === 'none') return;
  if (!call.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  const caseId = caseIdOf(call.app.ctx, scope.ref, input);
  if (caseId) requireCaseAccess(call.app.ctx, call.user, caseId, scope.need);
}

type AnyHandler = (input: never, call: never) => unknown;

/** Every handler, behind the check of its operation's scope. */
export function withCaseAccess<T extends Record<string, AnyHandler>>(handlers: T): T {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [op, handler] of Object.entries(handlers)) {
    const scope = (CASE_SCOPES as Record<string, CaseScope | undefined>)[op];
    wrapped[op] =
      !scope || scope.need === 'none'
        ? handler
        : (input: unknown, call: CallContext) => {
            enforceCaseScope(op, input, call);
            return (handler as (i: unknown, c: CallContext) => unknown)(input, call);
          };
  }
  return wrapped as T;
}
