/** The left navigation, built from the route registry for the signed-in user's role. */
import { Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../../../electron/common/roles';
import { pagesFor, visibleAreas } from './access';

type Item = Required<MenuProps>['items'][number];

export function NavMenu({ role }: { role: Role }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const areas = visibleAreas(role);

  const items = useMemo<Item[]>(
    () =>
      areas.map((area) =>
        area.pages
          ? {
              key: `/${area.path}`,
              icon: area.icon,
              label: area.label,
              children: pagesFor(area, role).map((p) => ({ key: `/${area.path}/${p.path}`, label: p.label })),
            }
          : { key: `/${area.path}`, icon: area.icon, label: area.label },
      ),
    [areas, role],
  );

  // The deepest menu key that the current path starts with.
  const allKeys = items.flatMap((i) => [
    String(i?.key),
    ...(i && 'children' in i && i.children ? i.children.map((c) => String(c?.key)) : []),
  ]);
  const selected = allKeys.filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
  // The current area's sub-menu opens when the user arrives in it; others stay as the user left them.
  const currentArea = `/${pathname.split('/')[1] ?? ''}`;
  const [openKeys, setOpenKeys] = useState<string[]>([currentArea]);
  // Adjusted while rendering when the area changes, as React advises, not in an effect.
  const [openedFor, setOpenedFor] = useState(currentArea);
  if (openedFor !== currentArea) {
    setOpenedFor(currentArea);
    setOpenKeys((keys) => (keys.includes(currentArea) ? keys : [...keys, currentArea]));
  }

  return (
    <Menu
      mode="inline"
      aria-label="主导航"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
    />
  );
}
