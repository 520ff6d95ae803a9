/**
 * Paired workstations of the centre network.
 *
 * A machine becomes a workstation only with a one-time pairing code the admin makes on the host
 * (10 minutes, one use). Pairing gives it a credential: 32 random bytes, of which only a SHA-256 is
 * stored, so a copy of the database does not let anyone act as a device. Revocation is a column the
 * host reads on every request, so it takes effect on the next one.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { devices, pairingCodes } from '../../../db/schema';
import {
  DEVICE_KIND_LABELS,
  PAIRING_CODE_MINUTES,
  type DeviceKind,
  type DeviceRef,
  type DeviceRow,
  type PairingCode,
} from '../../common/api/devices';
import { AppError } from '../../common/errors';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';

/** No 0/O, 1/I/L: codes are read off one screen and typed on another. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Upper-case, without spaces or dashes: `abcd-efgh` and `ABCDEFGH` are the same code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

type Row = typeof devices.$inferSelect;

const toRow = (r: Row): DeviceRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  pairedAt: r.pairedAt,
  lastSeenAt: r.lastSeenAt,
  lastAddress: r.lastAddress,
  revokedAt: r.revokedAt,
  ticketPrinter: r.ticketPrinter,
});

export function createPairingCode(ctx: ServiceContext, actor: Actor, kind: DeviceKind, name: string): PairingCode {
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
  const code = newCode();
  const id = newId();
  ctx.db.sqlite.transaction(() => {
    ctx.db.orm
      .insert(pairingCodes)
      .values({
        id,
        codeHash: sha256(normaliseCode(code)),
        kind,
        name,
        createdAt: rfc3339(now),
        createdBy: actor.id,
        expiresAt: expires.toISOString(),
      })
      .run();
    recordAudit(ctx, actor, {
      operation: 'device.pairingCode',
      entityKind: 'device',
      entityId: id,
      summary: `生成配对码：${DEVICE_KIND_LABELS[kind]}“${name}”`,
    });
  })();
  return { code, kind, name, expiresAt: rfc3339(expires) };
}

/**
 * Redeem a code: one immediate transaction marks it used and creates the device, so two machines
 * racing with the same code cannot both succeed. Returns the credential exactly once.
 */
export function pairDevice(ctx: ServiceContext, code: string, address: string | null): { device: DeviceRef; credential: string } {
  const hash = sha256(normaliseCode(code));
  const now = ctx.clock.now();
  const credential = randomBytes(32).toString('base64url');
  return ctx.db.sqlite
    .transaction(() => {
      const pc = ctx.db.orm.select().from(pairingCodes).where(eq(pairingCodes.codeHash, hash)).get();
      if (!pc) throw new AppError('DEVICE_UNPAIRED', '配对码不正确：请核对后重新输入，或请管理员重新生成');
      if (pc.usedAt) throw new AppError('DEVICE_UNPAIRED', '该配对码已使用过：每个配对码只能用一次，请请管理员重新生成');
      if (new Date(pc.expiresAt).getTime() <= now.getTime())
        throw new AppError('DEVICE_UNPAIRED', '配对码已过期（有效期 10 分钟）：请请管理员重新生成');
      const id = newId();
      const at = rfc3339(now);
      ctx.db.orm
        .insert(devices)
        .values({
          id,
          name: pc.name,
          kind: pc.kind,
          credentialHash: sha256(credential),
          pairedAt: at,
          pairedBy: pc.createdBy,
          lastSeenAt: at,
          lastAddress: address,
        })
        .run();
      const used = ctx.db.orm
        .update(pairingCodes)
        .set({ usedAt: at, deviceId: id })
        .where(and(eq(pairingCodes.id, pc.id), isNull(pairingCodes.usedAt)))
        .run();
      if (used.changes !== 1) throw new AppError('DEVICE_UNPAIRED', '该配对码已使用过：每个配对码只能用一次，请请管理员重新生成');
      recordAudit(
        ctx,
        { id: null, name: pc.name, role: null, deviceId: id },
        {
          operation: 'device.pair',
          entityKind: 'device',
          entityId: id,
          summary: `终端配对：${DEVICE_KIND_LABELS[pc.kind]}“${pc.name}”${address ? `（${address}）` : ''}`,
        },
      );
      return { device: { id, name: pc.name, kind: pc.kind }, credential };
    })
    .immediate();
}

export type CredentialCheck = { ok: true; device: DeviceRef } | { ok: false; reason: 'unknown' | 'revoked'; deviceId: string | null };

/** Look a presented credential up by its hash. The credential itself is never stored or logged. */
export function verifyCredential(ctx: Pick<ServiceContext, 'db'>, credential: string): CredentialCheck {
  // A credential is 43 base64url characters; anything else cannot match and is not hashed at length.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(credential)) return { ok: false, reason: 'unknown', deviceId: null };
  const row = ctx.db.orm
    .select()
    .from(devices)
    .where(eq(devices.credentialHash, sha256(credential)))
    .get();
  if (!row) return { ok: false, reason: 'unknown', deviceId: null };
  if (row.revokedAt) return { ok: false, reason: 'revoked', deviceId: row.id };
  return { ok: true, device: { id: row.id, name: row.name, kind: row.kind } };
}

/** Seen-at and address, written at most once a minute per device so a busy desk does not write on every call. */
export function touchDevice(ctx: ServiceContext, deviceId: string, address: string | null, lastWrites: Map<string, number>): void {
  const now = ctx.clock.now();
  const last = lastWrites.get(deviceId) ?? 0;
  if (now.getTime() - last < 60_000) return;
  lastWrites.set(deviceId, now.getTime());
  ctx.db.orm
    .update(devices)
    .set({ lastSeenAt: rfc3339(now), lastAddress: address })
    .where(eq(devices.id, deviceId))
    .run();
}

export function listDevices(ctx: Pick<ServiceContext, 'db'>): DeviceRow[] {
  return ctx.db.orm.select().from(devices).orderBy(asc(devices.pairedAt), asc(devices.id)).all().map(toRow);
}

export function getDevice(ctx: Pick<ServiceContext, 'db'>, id: string): DeviceRow | null {
  const row = ctx.db.orm.select().from(devices).where(eq(devices.id, id)).get();
  return row ? toRow(row) : null;
}

function requireDevice(ctx: Pick<ServiceContext, 'db'>, id: string): DeviceRow {
  const d = getDevice(ctx, id);
  if (!d) throw new AppError('NOT_FOUND', '找不到该终端');
  return d;
}

export function renameDevice(ctx: ServiceContext, actor: Actor, id: string, name: string): DeviceRow {
  return ctx.db.sqlite.transaction(() => {
    const before = requireDevice(ctx, id);
    ctx.db.orm.update(devices).set({ name }).where(eq(devices.id, id)).run();
    recordAudit(ctx, actor, {
      operation: 'device.rename',
      entityKind: 'device',
      entityId: id,
      summary: `终端改名：“${before.name}”→“${name}”`,
      before: { name: before.name },
      after: { name },
    });
    return requireDevice(ctx, id);
  })();
}

export function revokeDevice(ctx: ServiceContext, actor: Actor, id: string): DeviceRow {
  return ctx.db.sqlite.transaction(() => {
    const before = requireDevice(ctx, id);
    if (before.revokedAt) return before;
    ctx.db.orm
      .update(devices)
      .set({ revokedAt: rfc3339(ctx.clock.now()) })
      .where(eq(devices.id, id))
      .run();
    recordAudit(ctx, actor, {
      operation: 'device.revoke',
      entityKind: 'device',
      entityId: id,
      summary: `吊销终端：${DEVICE_KIND_LABELS[before.kind]}“${before.name}”`,
    });
    return requireDevice(ctx, id);
  })();
}

export function setDeviceTicketPrinter(ctx: ServiceContext, actor: Actor, id: string, printer: string | null): DeviceRow {
  return ctx.db.sqlite.transaction(() => {
    const before = requireDevice(ctx, id);
    ctx.db.orm.update(devices).set({ ticketPrinter: printer }).where(eq(devices.id, id)).run();
    recordAudit(ctx, actor, {
      operation: 'device.ticketPrinter',
      entityKind: 'device',
      entityId: id,
      summary: `终端“${before.name}”的小票打印机：${printer ?? '使用中心默认'}`,
      before: { ticketPrinter: before.ticketPrinter },
      after: { ticketPrinter: printer },
    });
    return requireDevice(ctx, id);
  })();
}
