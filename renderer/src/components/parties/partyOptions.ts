/** The option lists of the party form, from the contract's and the domain's one list of codes. */
import { PARTY_ROLE_LABELS, type PartyRole } from '../../../../electron/common/api/cases';
import { ID_TYPES } from '../../../../electron/common/domain/identity';

export const idTypeOptions = ID_TYPES.map((t) => ({ value: t.code, label: t.label }));
export const partyRoleOptions = (Object.entries(PARTY_ROLE_LABELS) as [PartyRole, string][]).map(([value, label]) => ({ value, label }));
