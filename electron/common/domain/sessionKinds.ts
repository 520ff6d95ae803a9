/**
 * What a case's dated record is: a mediation session (调解, recorded in 调解记录) or an investigation
 * (调查: 人民调解法 Art. 22 — the mediator hears the parties and asks others, on site or by visit,
 * recorded in 人民调解调查记录). Both have a time, a place, the people present and what was found or
 * said; only mediations count as 第N次调解.
 */
import { z } from 'zod';

export const SESSION_KINDS = ['mediation', 'investigation'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const sessionKindSchema = z.enum(SESSION_KINDS, { error: '请选择记录类型（调解或调查）' });

export const SESSION_KIND_LABELS: Record<SessionKind, string> = { mediation: '调解', investigation: '调查' };

/** The form's words for each kind: the same fields, named as each record names them. */
export const SESSION_FIELD_LABELS: Record<SessionKind, { heldAt: string; place: string; participants: string; record: string }> = {
  mediation: { heldAt: '调解时间', place: '调解地点', participants: '参加人员', record: '调解情况' },
  investigation: { heldAt: '调查时间', place: '调查地点', participants: '被调查人及在场人员', record: '调查情况' },
};
