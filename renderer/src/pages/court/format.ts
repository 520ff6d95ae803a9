/** Small shared helpers of the court and follow-through pages: dates in forms, labels, options. */
import dayjs, { type Dayjs } from 'dayjs';
import { CATEGORIES, categoryLabel } from '../../../../electron/common/domain/categories';

/** A form's DatePicker value → 'YYYY-MM-DD' (undefined when empty). */
export const isoOf = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Today, for defaults and for greying out future days. */
export const todayDayjs = () => dayjs().startOf('day');
export const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export const categoryOptions = CATEGORIES.map((c) => ({ value: c.code, label: c.label }));
export { categoryLabel };

export { dateTime } from '../../components/dates';
