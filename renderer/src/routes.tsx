/**
 * The one registry of the shell's areas. The left navigation, the routes and the role checks are
 * all built from this list, in this order. To add an area, add one entry:
 *
 *   { path: 'cases', label: '案件', icon: <FolderOpenOutlined />, roles: ['mediator', 'court_mediator', 'admin'],
 *     element: <CasesArea /> }          // owns '#/cases/*'; it may declare its own <Routes> inside
 *
 * or, for an area made of a few sibling pages shown as a sub-menu:
 *
 *   { path: 'settings', label: '设置', icon: ..., roles: ALL_ROLES,
 *     pages: [{ path: 'users', label: '用户管理', roles: ['admin'], element: <UsersPage /> }, ...] }
 *
 * Only list an area once it shows something real: the nav must have no dead links.
 * Planned order (six areas): 窗口登记 intake · 案件 cases · 法院委派 court · 调解员名册 roster ·
 * 统计考核 stats · 设置 settings. Suggested icons: FormOutlined, FolderOpenOutlined, BankOutlined,
 * TeamOutlined, BarChartOutlined, SettingOutlined.
 */
import { FolderOpenOutlined, FormOutlined, SettingOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ROLES, type Role } from '../../electron/common/roles';
import { CasesArea } from './pages/cases/CasesArea';
import { ClerkRegisterPage } from './pages/intake/ClerkRegisterPage';
import { PrintersPage } from './pages/intake/PrintersPage';
import { QueuePage } from './pages/intake/QueuePage';
import { ReviewPage } from './pages/intake/ReviewPage';
import { BankOutlined, TeamOutlined } from '@ant-design/icons';
import { CourtReferralsPage } from './pages/court/CourtReferralsPage';
import { SupervisionPage } from './pages/court/SupervisionPage';
import { RosterPage } from './pages/roster/RosterPage';
import { CentreInfoPage } from './pages/settings/CentreInfoPage';
import { HolidayCalendarPage } from './pages/settings/HolidayCalendarPage';
import { DataPage } from './pages/settings/DataPage';
import { ImportPage } from './pages/settings/import/ImportPage';
import { DevicesPage } from './pages/settings/DevicesPage';
import { SystemSettingsPage } from './pages/settings/SystemSettingsPage';
import { UploadPage } from './pages/settings/upload/UploadPage';
import { UsersPage } from './pages/settings/UsersPage';
import { BarChartOutlined } from '@ant-design/icons';
import { StatsPage } from './pages/stats/StatsPage';

export const ALL_ROLES: readonly Role[] = ROLES;

export interface AreaPage {
  /** URL segment under the area: 'users' → '#/settings/users'. */
  path: string;
  label: string;
  /** Roles that see and may open this page; defaults to the area's roles. */
  roles?: readonly Role[];
  element: ReactNode;
}

interface AreaBase {
  /** URL segment under '/': 'cases' → '#/cases'. */
  path: string;
  label: string;
  icon: ReactNode;
  /** Roles that see this area in the navigation and may open it. */
  roles: readonly Role[];
}

/** An area is either one element owning `/path/*`, or a few pages shown as a sub-menu. */
export type Area = AreaBase & ({ element: ReactNode; pages?: never } | { pages: readonly AreaPage[]; element?: never });

export const areas: readonly Area[] = [
  {
    path: 'intake',
    label: '窗口登记',
    icon: <FormOutlined />,
    roles: ['intake', 'mediator', 'admin'],
    pages: [
      { path: 'register', label: '代为登记', element: <ClerkRegisterPage /> },
      { path: 'review', label: '待审核登记', element: <ReviewPage /> },
      { path: 'queue', label: '今日排队', element: <QueuePage /> },
      { path: 'printers', label: '打印机设置', roles: ['admin'], element: <PrintersPage /> },
    ],
  },
  { path: 'cases', label: '案件', icon: <FolderOpenOutlined />, roles: ALL_ROLES, element: <CasesArea /> },
  {
    path: 'court',
    label: '法院委派',
    icon: <BankOutlined />,
    roles: ['court_mediator', 'admin'],
    pages: [{ path: 'referrals', label: '委派案件', element: <CourtReferralsPage /> }],
  },
  { path: 'roster', label: '调解员名册', icon: <TeamOutlined />, roles: ALL_ROLES, element: <RosterPage /> },
  {
    // Supervision of every case (past or near its deadline, escalated, repeat disputes) sits with the figures.
    path: 'stats',
    label: '统计考核',
    icon: <BarChartOutlined />,
    roles: ['court_mediator', 'admin'],
    pages: [
      { path: 'overview', label: '统计总览', roles: ['admin'], element: <StatsPage /> },
      { path: 'supervision', label: '督办清单', element: <SupervisionPage /> },
    ],
  },
  {
    path: 'settings',
    label: '设置',
    icon: <SettingOutlined />,
    roles: ALL_ROLES,
    pages: [
      { path: 'users', label: '用户管理', roles: ['admin'], element: <UsersPage /> },
      { path: 'system', label: '系统设置', roles: ['admin'], element: <SystemSettingsPage /> },
      { path: 'calendar', label: '节假日安排', roles: ['admin'], element: <HolidayCalendarPage /> },
      { path: 'upload', label: '区级上传', roles: ['admin'], element: <UploadPage /> },
      { path: 'data', label: '数据与备份', roles: ['admin'], element: <DataPage /> },
      { path: 'import', label: '历史数据导入', roles: ['admin'], element: <ImportPage /> },
      { path: 'devices', label: '终端管理', roles: ['admin'], element: <DevicesPage /> },
      { path: 'centre', label: '本机信息', element: <CentreInfoPage /> },
    ],
  },
];
