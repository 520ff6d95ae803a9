/**
 * The day's queue: tickets are drawn with registrations (submit.ts); here they are called to a
 * desk, served, finished or marked as no-show, and shown on the hall display.
 */
import type { QueueDisplay, QueueStatus, QueueTicketRow, QueueToday } from '../../common/api/intake';
import { categoryLabel } from '../../common/domain/categories';
import { AppError } from '../../common/errors';
import { localDate, rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';

const ROW_SQL = `
  SELECT t.id, t.code, t.number, t.status, t.created_at AS createdAt, t.called_at AS calledAt,
         u.display_name AS calledByName, t.desk, t.finished_at AS finishedAt, t.intake_id AS intakeId,
         COALESCE(t.case_id, i.case_id) AS caseId, c.case_number AS caseNumber, i.name, i.category
    FROM queue_tickets t
    LEFT JOIN intakes i ON i.id = t.intake_id
    LEFT JOIN cases c ON c.id = COALESCE(t.case_id, i.case_id)
    LEFT JOIN users u ON u.id = t.called_by`;

type Raw = Omit<QueueTicketRow, 'categoryLabel'> & { category: string | null };

const toRow = ({ category, ...r }: Raw): QueueTicketRow => ({ ...r, categoryLabel: category ? categoryLabel(category) : null });

export function queueTicket(ctx: Pick<ServiceContext, 'db'>, id: string): QueueTicketRow {
  const raw = ctx.db.sqlite.prepare(`${ROW_SQL} WHERE t.id = ?`).get(id) as Raw | undefined;
  if (!raw) throw new AppError('NOT_FOUND', '找不到这个排队号');
  return toRow(raw);
}

export function queueToday(ctx: Pick<ServiceContext, 'db' | 'clock'>, desk: string): QueueToday {
  const day = localDate(ctx.clock.now());
  const tickets = (ctx.db.sqlite.prepare(`${ROW_SQL} WHERE t.day = ? ORDER BY t.number`).all(day) as Raw[]).map(toRow);
  const counts: Record<QueueStatus, number> = { waiting: 0, called: 0, serving: 0, done: 0, no_show: 0 };
  for (const t of tickets) counts[t.status] += 1;
  return { day, desk, tickets, counts };
}

/**
 * Calls the day's lowest waiting number to `desk`. One UPDATE … WHERE status = 'waiting' inside an
 * immediate transaction: two desks pressing 叫号 at once get two different numbers.
 */
export function callNext(ctx: ServiceContext, actor: Actor, desk: string): QueueTicketRow {
  const now = ctx.clock.now();
  const id = ctx.db.sqlite
    .transaction(() => {
      const row = ctx.db.sqlite
        .prepare(
          `UPDATE queue_tickets SET status = 'called', called_at = ?, called_by = ?, desk = ?
            WHERE id = (SELECT id FROM queue_tickets WHERE day = ? AND status = 'waiting' ORDER BY number LIMIT 1)
              AND status = 'waiting'
           RETURNING id`,
        )
        .get(rfc3339(now), actor.id, desk, localDate(now)) as { id: string } | undefined;
      return row?.id;
    })
    .immediate();
  if (!id) throw new AppError('NOT_FOUND', '现在没有等候的号');
  return queueTicket(ctx, id);
}

const CALLABLE: readonly QueueStatus[] = ['waiting', 'called', 'no_show'];

/** Calls (or calls again) one number: a waiting one out of turn, a called one again, a no-show back. */
export function callTicket(ctx: ServiceContext, actor: Actor, ticketId: string, desk: string): QueueTicketRow {
  const now = ctx.clock.now();
  ctx.db.sqlite
    .transaction(() => {
      const t = queueTicket(ctx, ticketId);
      if (!CALLABLE.includes(t.status))
        throw new AppError('ILLEGAL_STEP', `${t.code} 已${t.status === 'done' ? '办结' : '在办理中'}，不能再叫号`);
      ctx.db.sqlite
        .prepare(`UPDATE queue_tickets SET status = 'called', called_at = ?, called_by = ?, desk = ?, finished_at = NULL WHERE id = ?`)
        .run(rfc3339(now), actor.id, desk, ticketId);
    })
    .immediate();
  return queueTicket(ctx, ticketId);
}

/** Allowed moves: from → to. */
const MOVES: Record<QueueStatus, readonly QueueStatus[]> = {
  waiting: ['no_show'],
  called: ['serving', 'done', 'no_show', 'waiting'],
  serving: ['done', 'called'],
  no_show: ['waiting'],
  done: [],
};

const STATUS_WORDS: Record<QueueStatus, string> = { waiting: '等候', called: '叫号', serving: '办理', done: '办结', no_show: '过号' };

export function setTicketStatus(
  ctx: ServiceContext,
  _actor: Actor,
  ticketId: string,
  status: Exclude<QueueStatus, 'called'>,
): QueueTicketRow {
  const at = rfc3339(ctx.clock.now());
  ctx.db.sqlite
    .transaction(() => {
      const t = queueTicket(ctx, ticketId);
      if (t.status === status) return;
      if (!MOVES[t.status].includes(status)) {
        throw new AppError('ILLEGAL_STEP', `${t.code} 现在是“${STATUS_WORDS[t.status]}”状态，不能改为“${STATUS_WORDS[status]}”`);
      }
      const finished = status === 'done' || status === 'no_show' ? at : null;
      // Back in the queue: keeps its number (and so its place), forgets the call.
      if (status === 'waiting') {
        ctx.db.sqlite
          .prepare(
            `UPDATE queue_tickets SET status = 'waiting', called_at = NULL, called_by = NULL, desk = NULL, finished_at = NULL WHERE id = ?`,
          )
          .run(ticketId);
      } else {
        ctx.db.sqlite.prepare('UPDATE queue_tickets SET status = ?, finished_at = ? WHERE id = ?').run(status, finished, ticketId);
      }
    })
    .immediate();
  return queueTicket(ctx, ticketId);
}

export const DISPLAY_ROWS = 6;

/** For the hall screen and the kiosk: the numbers being called now, newest first. Codes and desks only. */
export function queueDisplay(ctx: Pick<ServiceContext, 'db' | 'clock'>): QueueDisplay {
  const day = localDate(ctx.clock.now());
  const called = ctx.db.sqlite
    .prepare(
      `SELECT code, COALESCE(desk, '') AS desk, called_at AS calledAt FROM queue_tickets
        WHERE day = ? AND status IN ('called', 'serving') AND called_at IS NOT NULL
        ORDER BY called_at DESC, number DESC LIMIT ?`,
    )
    .all(day, DISPLAY_ROWS) as QueueDisplay['called'];
  const { waiting } = ctx.db.sqlite
    .prepare(`SELECT count(*) AS waiting FROM queue_tickets WHERE day = ? AND status = 'waiting'`)
    .get(day) as { waiting: number };
  return { day, called, waiting };
}
