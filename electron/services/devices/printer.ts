/**
 * Ticket printing on a device's behalf: a kiosk's network ticket printer is set per device by the
 * admin, and the host prints to it, so the citizen's ticket comes out at the kiosk where they stand.
 */
import { eq } from 'drizzle-orm';
import { devices } from '../../../db/schema';
import type { ServiceContext } from '../core/context';

/** Thermal ticket printers on kiosks are 80 mm. */
export function deviceTicketPrinter(ctx: Pick<ServiceContext, 'db'>, deviceId: string | null): { uri: string; width: 58 | 80 } | null {
  if (!deviceId) return null;
  const row = ctx.db.orm.select({ printer: devices.ticketPrinter }).from(devices).where(eq(devices.id, deviceId)).get();
  if (!row?.printer) return null;
  return { uri: row.printer, width: 80 };
}
