/** Option lists and labels for case forms and filters, all from the domain's one list of codes. */
import { CATEGORIES } from '../../../../electron/common/domain/categories';
import { SOURCES } from '../../../../electron/common/domain/sources';
import { STATUS_LABELS, STATUSES, type Status } from '../../../../electron/common/domain/lifecycle';
import { TIER_LABELS, TIERS } from '../../../../electron/common/domain/tiers';

export const categoryOptions = CATEGORIES.map((c) => ({ value: c.code, label: c.label }));
export const sourceOptions = SOURCES.map((s) => ({ value: s.code, label: s.label }));
export const tierOptions = TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }));
export const statusOptions = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

export const STATUS_COLORS: Record<Status, string> = {
  registered: 'default',
  accepted: 'blue',
  rejected: 'default',
  mediating: 'processing',
  agreement: 'success',
  failed: 'warning',
  withdrawn: 'default',
  transferred: 'purple',
  closed: 'default',
};

// Status colours, not the preset red/orange/green: those miss WCAG AA contrast (see theme.ts).
export const DEADLINE_COLORS = { overdue: 'error', near: 'warning', ok: 'success', none: 'default' } as const;
