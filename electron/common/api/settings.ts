import { z } from 'zod';
import { settingsPatchSchema, type Settings } from '../centre-settings';
import { op } from './contract';

export const settingsOps = {
  'settings.get': op<Settings>()({ input: z.object({}).optional(), access: 'signed-in', title: '查看设置' }),
  'settings.update': op<Settings>()({ input: settingsPatchSchema, access: ['admin'], title: '修改设置' }),
};
