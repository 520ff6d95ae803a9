/** Who uses the app. An operation names the roles that may call it (see api/contract.ts). */
export const ROLES = ['intake', 'mediator', 'court_mediator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  intake: '窗口登记员',
  mediator: '人民调解员',
  court_mediator: '驻院调解员',
  admin: '管理员（中心负责人）',
};
