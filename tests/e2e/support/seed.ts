/** The centre and administrator a seeded host starts with (the same values as `cli init` in the docs). */
export const SEED = {
  centreCode: '410711001',
  centreName: '牧野区非诉讼服务中心',
  tier: 'district',
  committeeName: '牧野区人民调解委员会',
  committeeAbbr: '牧调',
  adminLogin: 'admin',
  adminName: '系统管理员',
  adminPassword: 'Admin1234',
} as const;
