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

/**
 * Where each role's daily work is, and so where it lands after login: a mediator on their own
 * cases, the intake clerk at the counter, a court-stationed mediator on the court's referrals, the
 * centre head on the overview of the figures.
 */
const LANDING: Readonly<Record<Role, string>> = {
  intake: '/intake/register',
  mediator: '/cases?mine=1',
  court_mediator: '/court/referrals',
  admin: '/stats/overview',
};

/** Whether the role may open a path of the registry ('/court/referrals', '/cases?mine=1'). */
function mayOpenPath(path: string, role: Role): boolean {
  const [areaPath, pagePath] = path.split('?')[0]!.split('/').filter(Boolean);
  const area = areas.find((a) => a.path === areaPath);
  if (!area || !mayOpen(area.roles, role)) return false;
  return !area.pages || pagesFor(area, role).some((p) => p.path === pagePath);
}

/** Where a role lands after login: its work (LANDING), else the first area it may see. */
export function homePath(role: Role): string | null {
  if (mayOpenPath(LANDING[role], role)) return LANDING[role];
  const first = visibleAreas(role)[0];
  return first ? areaHome(first, role) : null;
}
