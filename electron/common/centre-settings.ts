/**
 * Centre-wide settings (table `settings`), shared by every machine of the installation.
 * Per-machine preferences (printers, window bounds, kiosk display) are not here: they live in
 * electron-store / conf. Secrets (the district token) are not here either: see services/secrets.ts.
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，例如 01:00');

const fields = {
  /** A signed-in session ends after this many idle minutes. */
  sessionIdleMinutes: z
    .number()
    .int('请填写整数')
    .min(1, '至少 1 分钟')
    .max(24 * 60, '最多 1440 分钟')
    .default(30),
  /** The kiosk asks, then clears the screen, after this many idle seconds. */
  kioskIdleSeconds: z.number().int('请填写整数').min(30, '至少 30 秒').max(600, '最多 600 秒').default(90),
  /** Overrides of the default deadline (days after acceptance) per case source code. */
  deadlineDays: z.record(z.string(), z.number().int().min(1, '至少 1 天').max(365, '最多 365 天')).default({}),
  /** A deadline this many days away or fewer counts as "due soon". */
  nearDeadlineDays: z.number().int('请填写整数').min(0, '不能为负数').max(30, '最多 30 天').default(3),
  /** First follow-up visit, days after the agreement. */
  followupDaysAfterAgreement: z.number().int('请填写整数').min(1, '至少 1 天').max(180, '最多 180 天').default(15),
  uploadServerUrl: z.string().url('请输入完整的服务器地址，例如 https://district.example.cn').nullable().default(null),
  uploadWindowStart: hhmm.default('01:00'),
  uploadWindowEnd: hhmm.default('05:00'),
};

export const settingsSchema = z.object(fields);
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings: no defaults here, or a patch would reset every other setting. */
export const settingsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.unwrap().optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<ReturnType<(typeof fields)[K]['unwrap']>>;
    },
  )
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export const defaultSettings = (): Settings => settingsSchema.parse({});
