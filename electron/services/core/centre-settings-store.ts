/**
 * The centre-wide settings as stored (table `settings`, one row per key): read over the defaults of
 * common/centre-settings.ts, and changed with an audit event. Per-machine preferences live in
 * services/machine-prefs.ts instead.
 */
import { eq } from 'drizzle-orm';
import { settings as settingsTable } from '../../../db/schema';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../common/centre-settings';
import { recordAudit } from './audit';
import { rfc3339 } from './clock';
import type { Actor, ServiceContext } from './context';

/** Stored values over the defaults; a stored value that no longer validates falls back to its default. */
export function getSettings(ctx: Pick<ServiceContext, 'db'>): Settings {
  const rows = ctx.db.orm.select().from(settingsTable).all();
  const merged: Record<string, unknown> = { ...defaultSettings() };
  for (const row of rows) merged[row.key] = row.value;
  const parsed = settingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const fallback: Record<string, unknown> = { ...defaultSettings() };
  for (const row of rows) {
    const candidate = { ...fallback, [row.key]: row.value };
    if (settingsSchema.safeParse(candidate).success) fallback[row.key] = row.value;
  }
  return settingsSchema.parse(fallback);
}

export function updateSettings(ctx: ServiceContext, actor: Actor, patch: SettingsPatch): Settings {
  const before = getSettings(ctx);
  const next = settingsSchema.parse({ ...before, ...patch });
  const at = rfc3339(ctx.clock.now());
  ctx.db.sqlite.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null) {
        // null means "not set": the default applies again.
        ctx.db.orm.delete(settingsTable).where(eq(settingsTable.key, key)).run();
        continue;
      }
      ctx.db.orm
        .insert(settingsTable)
        .values({ key, value: value, updatedAt: at })
        .onConflictDoUpdate({ target: settingsTable.key, set: { value: value, updatedAt: at } })
        .run();
    }
    recordAudit(ctx, actor, {
      operation: 'settings.update',
      entityKind: 'settings',
      entityId: 'settings',
      summary: '修改系统设置',
      before,
      after: next,
    });
  })();
  return next;
}
