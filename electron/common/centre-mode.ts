/**
 * What this machine is in its centre: a one-PC centre (`standalone`, the default), the centre host
 * (本机作为中心主机: it holds the database and serves the LAN), or a workstation of a host
 * (连接到中心主机: it keeps no case data and works on the host's). A machine preference, kept in
 * machine-prefs.json; the desktop app reads it at start (electron/main/centre-plan.ts) and
 * `cli machine` sets it. Shared by main, the CLI and the renderer, so it lives here once.
 */
import { z } from 'zod';
import { LAN_DEFAULT_PORT } from './api/devices';

export const CENTRE_MODE_LABELS = {
  standalone: '单机使用',
  host: '本机作为中心主机',
  workstation: '连接到中心主机',
} as const;

export type CentreModeKind = keyof typeof CENTRE_MODE_LABELS;

/** Upper-case hex pairs joined by ':' whatever the admin typed (spaces, lower case, no colons, a `SHA256:` prefix). */
export function normaliseFingerprint(text: string): string | null {
  const hex = text
    .replace(/^\s*SHA256:\s*/i, '')
    .replace(/[\s:]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/.{2}/g)!.join(':');
}

const portSchema = z.number({ error: '端口应为 1–65535 的整数' }).int('端口应为 1–65535 的整数').min(1).max(65535);

/** A host name or an IPv4 address as typed on a workstation; no scheme, path or port. */
export const hostNameSchema = z
  .string({ error: '请填写中心主机地址' })
  .trim()
  .min(1, '请填写中心主机地址')
  .max(253, '中心主机地址过长')
  .regex(
    /^(?:\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/,
    {
      message: '中心主机地址应为 IP 地址（如 192.168.1.10）或计算机名，不含 https:// 和端口',
    },
  );

export const fingerprintSchema = z.string({ error: '请填写证书指纹' }).transform((text, ctx) => {
  const fp = normaliseFingerprint(text);
  if (!fp) {
    ctx.addIssue({ code: 'custom', message: '证书指纹应为主机显示的 SHA256: 后的 32 组十六进制数' });
    return z.NEVER;
  }
  return fp;
});

export const centreModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standalone') }),
  z.object({ kind: z.literal('host'), port: portSchema.default(LAN_DEFAULT_PORT) }),
  z.object({
    kind: z.literal('workstation'),
    host: hostNameSchema,
    port: portSchema.default(LAN_DEFAULT_PORT),
    fingerprint: fingerprintSchema,
  }),
]);

export type CentreMode = z.output<typeof centreModeSchema>;

export const STANDALONE: CentreMode = { kind: 'standalone' };

/** The stored mode, or standalone when the file holds nothing usable (it is hand-editable). */
export function readCentreMode(stored: unknown): CentreMode {
  const parsed = centreModeSchema.safeParse(stored);
  return parsed.success ? parsed.data : STANDALONE;
}

/** One line for people: what this machine is. */
export function describeCentreMode(mode: CentreMode): string {
  switch (mode.kind) {
    case 'standalone':
      return `${CENTRE_MODE_LABELS.standalone}：数据保存在本机`;
    case 'host':
      return `${CENTRE_MODE_LABELS.host}：在局域网端口 ${mode.port} 上提供 HTTPS 服务`;
    case 'workstation':
      return `${CENTRE_MODE_LABELS.workstation}：https://${mode.host}:${mode.port}/（证书指纹 ${mode.fingerprint}）`;
  }
}
