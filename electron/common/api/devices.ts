/**
 * The centre network's devices: pairing a workstation with a one-time code, and the admin's view of
 * every paired machine. Also the rule of what each kind of device may ever call, whoever is logged in.
 */
import { z } from 'zod';
import { op } from './contract';
import { requiredText } from './fields';

export const DEVICE_KINDS = ['desk', 'kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = { desk: '工作台', kiosk: '自助登记机', display: '叫号显示屏' };

/** The name of the browser cookie that carries a paired workstation's credential. */
export const DEVICE_COOKIE = 'md_device';
/** The fixed default port of the centre host in LAN mode (documented in the README). */
export const LAN_DEFAULT_PORT = 7443;
/** How long a pairing code may be used. */
export const PAIRING_CODE_MINUTES = 10;

export interface DeviceRef {
  id: string;
  name: string;
  kind: DeviceKind;
}

export interface DeviceRow extends DeviceRef {
  pairedAt: string;
  lastSeenAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
  /** The device's own ticket printer (tcp://host:port), or null to use the centre's ticket printer. */
  ticketPrinter: string | null;
}

/** Where workstations reach the centre host, and the fingerprint they compare before trusting it. */
export interface CentreHostAddress {
  url: string;
  /** SHA-256 of the host's certificate, `AB:CD:…`. */
  fingerprint: string;
}

export interface CurrentDevice {
  mode: 'local' | 'lan';
  /** Set in LAN mode. */
  host: CentreHostAddress | null;
  device: DeviceRef | null;
  centreName: string | null;
}

export interface PairingCode {
  code: string;
  kind: DeviceKind;
  name: string;
  expiresAt: string;
}

const deviceKind = z.enum(DEVICE_KINDS, { error: '请选择终端类型' });
const deviceName = requiredText('终端名称', 40);
const deviceId = z.string().min(1, '请选择终端').max(64);
/** A network ticket printer: tcp://host:port, the only kind the host can print to for another machine. */
const tcpPrinter = z
  .string()
  .trim()
  .max(200)
  .regex(/^tcp:\/\/[A-Za-z0-9.\-[\]:]+:\d{1,5}$/, '小票打印机地址应为 tcp://地址:端口');

export const devicesOps = {
  'devices.current': op<CurrentDevice>()({ input: z.object({}).optional(), access: 'public', title: '当前终端' }),
  'devices.pair': op<{ device: DeviceRef }>()({
    input: z.object({ code: z.string().trim().min(1, '请填写配对码').max(32) }),
    access: 'public',
    title: '终端配对',
  }),
  'devices.createPairingCode': op<PairingCode>()({
    input: z.object({ kind: deviceKind, name: deviceName }),
    access: ['admin'],
    title: '生成配对码',
  }),
  'devices.list': op<DeviceRow[]>()({ input: z.object({}).optional(), access: ['admin'], title: '终端列表' }),
  'devices.rename': op<DeviceRow>()({ input: z.object({ id: deviceId, name: deviceName }), access: ['admin'], title: '终端改名' }),
  'devices.revoke': op<DeviceRow>()({ input: z.object({ id: deviceId }), access: ['admin'], title: '吊销终端' }),
  'devices.setTicketPrinter': op<DeviceRow>()({
    input: z.object({ id: deviceId, printer: tcpPrinter.nullable() }),
    access: ['admin'],
    title: '设置终端小票打印机',
  }),
};

/** Operations any device may call: learning what it is, and pairing. */
const ALWAYS: readonly string[] = ['devices.current', 'devices.pair', 'setup.status'];
/** The citizens' kiosk: register, look up progress, reprint within its window. Never a staff login. */
// The kiosk's start screen also shows the numbers being called (codes and desks only, as on the hall display).
export const KIOSK_OPS: readonly string[] = [
  ...ALWAYS,
  'intake.kioskInfo',
  'intake.submit',
  'intake.lookup',
  'intake.reprint',
  'queue.display',
];
/** The hall display: only the queue. */
export const DISPLAY_OPS: readonly string[] = [...ALWAYS, 'queue.display'];

/** May a device of this kind call this operation at all? Desks call everything, bounded by the user's role as today. */
export function deviceMayCall(kind: DeviceKind, opName: string): boolean {
  if (kind === 'desk') return true;
  return (kind === 'kiosk' ? KIOSK_OPS : DISPLAY_OPS).includes(opName);
}
