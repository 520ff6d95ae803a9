/**
 * Which operations change something, for the client's retry rule: a write is resent (same
 * request, same idempotency key) until the host answers; a read fails at once with OFFLINE.
 * Reads are named by what they return; everything else is treated as a write, so an unknown
 * operation errs on the side of never losing a save.
 */
const READ_VERBS = new Set([
  'me', 'list', 'get', 'search', 'desk', 'checkRepeat', 'referrals', 'referral', 'performance', 'candidates', 'due', 'types', 'preview', 'html', 'docx',
  'kioskInfo', 'lookup', 'pending', 'today', 'display', 'status', 'progress', 'dashboard', 'cases', 'keyCaseList', 'exportXlsx', 'exportDocx', 'current',
  'testConnection',
]);

export const isWriteOp = (op: string): boolean => !READ_VERBS.has(op.slice(op.indexOf('.') + 1));
