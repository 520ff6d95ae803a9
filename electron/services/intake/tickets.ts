/**
 * The ticket of a registration, built from what the database says now (after acceptance it
 * carries the case number), and sent to this machine's ticket printer.
 */
import { INTAKE_STATUS_LABELS, TICKET_PRIVACY_LINE, formatQueryCode, queryCodeQrPayload, type PrintOutcome } from '../../common/api/intake';
import { AppError, isAppError } from '../../common/errors';
import { requireCentre } from '../centre';
import type { ServiceContext } from '../core/context';
import type { Prefs } from '../machine-prefs';
import { printTicket, type SendOptions, type Ticket } from '../printing';
import { disputeKindLabel } from '../../common/domain/categories';
import { registrationNumberOf } from './codes';
import { requireTicketPrinter } from './printers';

interface TicketSource {
  intakeId: string;
  queryCode: string;
  category: string;
  status: string;
  queueCode: string | null;
  day: string | null;
  issuedAt: string;
  caseNumber: string | null;
  caseCategory: string | null;
}

const SOURCE_SQL = `
  SELECT i.id AS intakeId, i.query_code AS queryCode, i.category, i.status, i.created_at AS createdAt,
         t.code AS queueCode, t.day, t.created_at AS ticketAt, c.case_number AS caseNumber, c.category AS caseCategory
    FROM intakes i
    LEFT JOIN queue_tickets t ON t.intake_id = i.id
    LEFT JOIN cases c ON c.id = i.case_id AND c.deleted = 0`;

type SourceRow = Omit<TicketSource, 'issuedAt'> & { createdAt: string; ticketAt: string | null };

function toSource(row: SourceRow): TicketSource {
  return { ...row, issuedAt: row.ticketAt ?? row.createdAt };
}

export function ticketSourceOfIntake(ctx: Pick<ServiceContext, 'db'>, intakeId: string): TicketSource {
  const row = ctx.db.sqlite.prepare(`${SOURCE_SQL} WHERE i.id = ? ORDER BY t.created_at LIMIT 1`).get(intakeId) as SourceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到这条登记，可能已超过保存期限被删除');
  return toSource(row);
}

/** The registration behind a case: the one accepted into it, or else the first merged into it. */
export function ticketSourceOfCase(ctx: Pick<ServiceContext, 'db'>, caseNumber: string): TicketSource {
  const c = ctx.db.sqlite.prepare('SELECT id, intake_id AS intakeId FROM cases WHERE case_number = ? AND deleted = 0').get(caseNumber) as
    { id: string; intakeId: string | null } | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到案号为“${caseNumber}”的案件`);
  const row = ctx.db.sqlite
    .prepare(`${SOURCE_SQL} WHERE i.id = ? OR i.case_id = ? ORDER BY (i.id = ?) DESC, i.created_at, t.created_at LIMIT 1`)
    .get(c.intakeId ?? '', c.id, c.intakeId ?? '') as SourceRow | undefined;
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `案件“${caseNumber}”不是通过窗口或自助登记取号受理的，没有排队小票和查询码，无法补打小票（查询码只在登记时随群众本人的同意一并发放）`,
    );
  }
  return toSource(row);
}

export function buildTicket(ctx: Pick<ServiceContext, 'db'>, src: TicketSource, width: 58 | 80): Ticket {
  const centre = requireCentre(ctx);
  if (src.status === 'rejected') {
    throw new AppError('REFUSED', `这条登记${INTAKE_STATUS_LABELS.rejected}，不再补打小票`);
  }
  const queueCode = src.queueCode ?? '—';
  return {
    centreName: centre.name,
    queueCode,
    issuedAt: src.issuedAt,
    categoryLabel: disputeKindLabel(src.caseCategory ?? src.category),
    registrationNumber: src.caseNumber ?? (src.day && src.queueCode ? registrationNumberOf(src.day, src.queueCode) : ''),
    queryCode: formatQueryCode(src.queryCode),
    qrPayload: queryCodeQrPayload(src.queryCode),
    centrePhone: centre.phone,
    privacyLine: TICKET_PRIVACY_LINE,
    width,
  };
}

/**
 * Prints a registration's ticket on this machine's ticket printer. Never throws for printer
 * trouble: the registration is already saved, so the answer says what went wrong and the screen
 * offers 重新打印.
 */
export async function printIntakeTicket(
  ctx: ServiceContext,
  prefs: Prefs,
  intakeId: string,
  opts: SendOptions & { printer?: { uri: string; width: 58 | 80 } | null } = {},
): Promise<PrintOutcome> {
  try {
    // A paired kiosk's own network printer, printed to by the host on its behalf; else this machine's.
    const printer = opts.printer ?? requireTicketPrinter(prefs);
    const ticket = buildTicket(ctx, ticketSourceOfIntake(ctx, intakeId), printer.width);
    await printTicket(printer.uri, ticket, opts);
    return { printed: true, printError: null };
  } catch (e) {
    if (isAppError(e) && (e.code === 'PRINTER' || e.code === 'VALIDATION')) {
      ctx.logger.warn('ticket not printed', { intakeId, code: e.code, message: e.message });
      return { printed: false, printError: e.message };
    }
    throw e;
  }
}
