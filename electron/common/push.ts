/**
 * The centre's push channel (`GET /api/events`, Server-Sent Events): which topics exist, and which
 * operations write and so what each one changes. Declared once here: the host publishes from this
 * map after every successful write, stores write answers for idempotent retries, and the renderer
 * invalidates its caches by topic.
 */
import type { OpName } from './api';

export const PUSH_TOPICS = ['cases', 'intake', 'queue', 'devices', 'settings'] as const;
export type PushTopic = (typeof PUSH_TOPICS)[number];

/** One change as it travels: `event: change\ndata: <JSON of this>\n\n`. */
export interface PushEvent {
  seq: number;
  topics: PushTopic[];
  caseId?: string;
}

/** The path of the stream; same credentials as /api/invoke. */
export const EVENTS_PATH = '/api/events';
/** A `: ping` comment line is sent this often, so proxies and the client see a live stream. */
export const PUSH_HEARTBEAT_MS = 15_000;

/**
 * Every operation: `null` for a read, else the topics it changes (possibly none, e.g. a print).
 * An operation that is not null here is a write: its answer is kept for 24 h under the caller's
 * idempotency key and a repeat is answered from it. Adding an operation to the contract without
 * classifying it here fails to compile.
 */
export const OP_EFFECTS: Record<OpName, readonly PushTopic[] | null> = {
  'setup.status': null,
  'setup.create': ['settings'],
  'centre.get': null,
  'auth.login': null,
  'auth.logout': null,
  'auth.me': null,
  'auth.changePassword': [],
  'users.list': null,
  'users.create': ['settings'],
  'users.unlock': ['settings'],
  'users.resetPassword': ['settings'],
  'users.setActive': ['settings'],
  'settings.get': null,
  'settings.update': ['settings'],
  'cases.register': ['cases'],
  'cases.checkRepeat': null,
  'cases.get': null,
  'cases.list': null,
  'cases.search': null,
  'cases.desk': null,
  'cases.update': ['cases'],
  'cases.step': ['cases'],
  'cases.setDeadline': ['cases'],
  'cases.escalate': ['cases'],
  'cases.setAgreement': ['cases'],
  'cases.setUndisputed': ['cases'],
  'cases.assignMediator': ['cases'],
  'cases.unassignMediator': ['cases'],
  'parties.add': ['cases'],
  'parties.update': ['cases'],
  'parties.remove': ['cases'],
  'sessions.add': ['cases'],
  'sessions.update': ['cases'],
  'court.registerReferral': ['cases'],
  'court.referrals': null,
  'court.referral': null,
  'court.extend': ['cases'],
  'court.reportResult': ['cases'],
  'roster.performance': null,
  'roster.candidates': null,
  'supervision.list': null,
  'supervision.setResponsibility': ['cases'],
  'confirmations.get': null,
  'confirmations.apply': ['cases'],
  'confirmations.accept': ['cases'],
  'confirmations.rule': ['cases'],
  'followups.list': null,
  'followups.schedule': ['cases'],
  'followups.record': ['cases'],
  'followups.due': null,
  'documents.types': null,
  'documents.preview': null,
  'documents.generate': ['cases'],
  'documents.list': null,
  'documents.html': null,
  'documents.docx': null,
  'documents.markPrinted': ['cases'],
  'documents.markSigned': ['cases'],
  'intake.kioskInfo': null,
  'intake.submit': ['intake', 'queue'],
  'intake.lookup': null,
  // A reprint changes no data, but printing the same ticket twice on a retry is what the key prevents.
  'intake.reprint': [],
  'intake.list': null,
  'intake.pending': null,
  'intake.accept': ['intake', 'cases', 'queue'],
  'intake.merge': ['intake', 'cases', 'queue'],
  'intake.reject': ['intake', 'queue'],
  'queue.today': null,
  'queue.callNext': ['queue'],
  'queue.call': ['queue'],
  'queue.setStatus': ['queue'],
  'queue.setDesk': [],
  'queue.display': null,
  'printers.list': null,
  'printers.save': ['settings'],
  'printers.remove': ['settings'],
  'printers.setTicket': ['settings'],
  'printers.test': [],
  'printers.status': null,
  'mediators.list': null,
  'mediators.create': ['settings'],
  'mediators.update': ['settings'],
  'mediators.setStatus': ['settings'],
  'stats.dashboard': null,
  'stats.cases': null,
  'stats.keyCaseList': null,
  'stats.exportXlsx': null,
  'stats.exportDocx': null,
  'upload.settings.get': null,
  'upload.settings.save': ['settings'],
  'upload.testConnection': null,
  'upload.runNow': [],
  'upload.status': null,
  'upload.progress': null,
  'upload.resend': [],
  'devices.current': null,
  'devices.pair': ['devices'],
  'devices.createPairingCode': ['devices'],
  'devices.list': null,
  'devices.rename': ['devices'],
  'devices.revoke': ['devices'],
  'devices.setTicketPrinter': ['devices'],
  'calendar.get': null,
  'calendar.saveYear': ['settings', 'cases'],
  'calendar.importIcs': ['settings', 'cases'],
  'calendar.removeYear': ['settings', 'cases'],
  'calendar.recompute': ['cases'],
  'calendar.due': null,
  'data.status': null,
  'data.backups': null,
  // A restored database changes everything a workstation shows.
  'data.restore': ['cases', 'intake', 'queue', 'devices', 'settings'],
  'import.inspect': null,
  'import.check': null,
  'import.run': ['cases', 'settings'],
  'import.batches': null,
  'import.exportLedger': null,
  'import.undo': ['cases', 'settings'],
};

/** Does this operation write (and so keep its answer for idempotent retries and publish a change)? */
export const isWriteOp = (op: string): boolean => Object.hasOwn(OP_EFFECTS, op) && OP_EFFECTS[op as OpName] !== null;
/** The topics a successful call of this operation changes (none for a read or an unknown name). */
export const topicsOf = (op: string): readonly PushTopic[] => (Object.hasOwn(OP_EFFECTS, op) ? (OP_EFFECTS[op as OpName] ?? []) : []);
