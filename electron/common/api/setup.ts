import { z } from 'zod';
import { TIERS, type Tier } from '../domain/tiers';
import { loginName, optionalText, password, requiredText } from './fields';
import { op } from './contract';

export const centreInput = z.object({
  centreCode: z
    .string({ error: '请填写中心代码' })
    .trim()
    .regex(/^\d{9}$/, '中心代码为 9 位数字：6 位行政区划代码 + 3 位区里分配的序号，例如 410711001'),
  name: requiredText('中心名称', 60),
  tier: z.enum(TIERS, { error: '请选择层级' }),
  address: optionalText('地址', 120),
  phone: optionalText('电话', 40),
  committeeName: requiredText('人民调解委员会名称', 60),
  committeeAbbr: requiredText('案号简称', 6).refine((s) => !/[\s\d（）()]/.test(s), '案号简称不能含空格、数字或括号，例如“牧调”'),
});

export const setupInput = z.object({
  centre: centreInput,
  admin: z.object({ loginName, displayName: requiredText('姓名', 40), password }),
});
export type SetupInput = z.infer<typeof setupInput>;

export interface CentreInfo {
  centreCode: string;
  name: string;
  tier: Tier;
  address: string;
  phone: string;
  committeeName: string;
  committeeAbbr: string;
  deviceId: string;
}

export const setupOps = {
  'setup.status': op<{ setUp: boolean; centre: Pick<CentreInfo, 'name' | 'centreCode'> | null }>()({
    input: z.object({}).optional(),
    access: 'public',
    title: '查询设置状态',
  }),
  'setup.create': op<CentreInfo>()({ input: setupInput, access: 'public', title: '首次设置' }),
  'centre.get': op<CentreInfo>()({ input: z.object({}).optional(), access: 'signed-in', title: '查看中心信息' }),
};
