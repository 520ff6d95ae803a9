/**
 * Dates in the window. "Today" here is the machine's local day (the window has no injected clock;
 * the services check again with theirs), never the UTC day of `toISOString()`.
 */
import { todayIso } from '../../../electron/common/domain/dates';

/** The local day, 'YYYY-MM-DD'. */
export const today = (): string => todayIso(new Date());
