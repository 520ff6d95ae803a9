/**
 * The signed-in window: the centre's name and the user in the header, the areas of the route
 * registry in the left navigation, the chosen page on the right.
 */
import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useUser } from '../auth/AuthProvider';
import { DiskSpaceBanner } from '../components/DiskSpaceBanner';
import { areas } from '../routes';
import { areaHome, homePath, mayOpen, pagesFor } from './access';
import { NoAccess, NotFound, NothingToShow } from './Fallbacks';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

export function Shell({ centreName }: { centreName: string }) {
  const user = useUser();
  const home = homePath(user.role);
  const guard = (roles: Parameters<typeof mayOpen>[0], element: ReactNode) => (mayOpen(roles, user.role) ? element : <NoAccess />);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderBottom: '1px solid #e3e7ee',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, minWidth: 0 }}>
          <span style={{ fontSize: 18, fontWeight: 600, color: '#1f5fa8', letterSpacing: 1, whiteSpace: 'nowrap' }}>调解工作台</span>
          <Typography.Text data-testid="centre-name" ellipsis style={{ fontSize: 17 }}>
            {centreName}
          </Typography.Text>
        </div>
        <UserMenu />
      </Layout.Header>
      <DiskSpaceBanner />
      <Layout>
        {/* The nav stays in view while a long page (a case, a form) scrolls. */}
        <Layout.Sider
          width={216}
          style={{ position: 'sticky', top: 60, height: 'calc(100vh - 60px)', overflowY: 'auto', borderRight: '1px solid #e3e7ee' }}
        >
          <NavMenu role={user.role} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <div style={{ background: '#fff', padding: '24px 28px', borderRadius: 4, minHeight: 'calc(100vh - 60px - 48px)' }}>
            <Routes>
              <Route index element={home ? <Navigate to={home} replace /> : <NothingToShow />} />
              {areas.map((area) =>
                area.pages ? (
                  <Route key={area.path} path={area.path}>
                    <Route
                      index
                      element={guard(
                        area.roles,
                        pagesFor(area, user.role).length > 0 ? <Navigate to={areaHome(area, user.role)} replace /> : <NoAccess />,
                      )}
                    />
                    {area.pages.map((page) => (
                      <Route key={page.path} path={`${page.path}/*`} element={guard(page.roles ?? area.roles, page.element)} />
                    ))}
                  </Route>
                ) : (
                  <Route key={area.path} path={`${area.path}/*`} element={guard(area.roles, area.element)} />
                ),
              )}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
