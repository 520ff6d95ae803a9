/**
 * Dates in the window: "today", and the few ways a moment is shown. "Today" here is the machine's
 * local day (the window has no injected clock; the services check again with theirs), never the
 * UTC day of `toISOString()`. A missing moment shows as '—'.
 */
import dayjs from 'dayjs';
import { todayIso } from '../../../electron/common/domain/dates';

/** The local day, 'YYYY-MM-DD'. */
export const today = (): string => todayIso(new Date());

type Moment = string | null | undefined;
const show = (t: Moment, format: string): string => (t ? dayjs(t).format(format) : '—');

/** 2026-11-20T09:00:00+08:00 → 2026-11-20 09:00 */
export const dateTime = (t: Moment): string => show(t, 'YYYY-MM-DD HH:mm');
/** 2026-11-20T09:00:05+08:00 → 2026-11-20 09:00:05 (upload runs, where seconds tell runs apart) */
export const dateTimeSeconds = (t: Moment): string => show(t, 'YYYY-MM-DD HH:mm:ss');
/** 2026-11-20T09:00:00+08:00 → 11-20 09:00 (this year's lists) */
export const shortDateTime = (t: Moment): string => show(t, 'MM-DD HH:mm');
/** 2026-11-20T09:00:00+08:00 → 09:00 (today's queue) */
export const clockTime = (t: Moment): string => show(t, 'HH:mm');
