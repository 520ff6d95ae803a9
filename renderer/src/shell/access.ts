/** What a role may see of the route registry. */
import type { Role } from '../../../electron/common/roles';
import { areas, type Area, type AreaPage } from '../routes';

export const mayOpen = (roles: readonly Role[], role: Role) => roles.includes(role);

export function pagesFor(area: Area, role: Role): readonly AreaPage[] {
  return (area.pages ?? []).filter((p) => mayOpen(p.roles ?? area.roles, role));
}

/** Areas the role sees in the navigation; an area of pages needs at least one page for the role. */
export function visibleAreas(role: Role): readonly Area[] {
  return areas.filter((a) => mayOpen(a.roles, role) && (!a.pages || pagesFor(a, role).length > 0));
}

/** The path an area opens at for this role: itself, or its first page the role may open. */
export function areaHome(area: Area, role: Role): string {
  const first = pagesFor(area, role)[0];
  return first ? `/${area.path}/${first.path}` : `/${area.path}`;
}

/** Where a role lands after login. */
export function homePath(role: Role): string | null {
  const first = visibleAreas(role)[0];
  return first ? areaHome(first, role) : null;
}
