import { ROLE_LABELS, ROLES } from '../../../../electron/common/roles';

/** The roles as choices for a Select, in the contract's order. */
export const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
