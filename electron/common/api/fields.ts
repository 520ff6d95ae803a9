/**
 * Reusable zod field schemas with Chinese messages, shared by every operation's input.
 */
import { z } from 'zod';

/** Trimmed text, required, with a length limit that names the field. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const dateString = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(
      (s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      `${label}不是有效日期`,
    );

export const idSchema = z.string().uuid('编号格式错误');

export const loginName = z
  .string({ error: '请填写登录名' })
  .trim()
  .min(2, '登录名至少 2 个字符')
  .max(32, '登录名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '登录名只能包含字母、数字、下划线、点和横线');

export const password = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少 8 位')
  .max(128, '密码不能超过 128 位')
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '密码须同时包含字母和数字');

export const paging = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});
