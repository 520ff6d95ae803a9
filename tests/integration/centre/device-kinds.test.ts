import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../electron/common/api';
import { DISPLAY_OPS, KIOSK_OPS } from '../../../electron/common/api/devices';
import { startEscposListener, type EscposListener } from '../../peers/escpos-listener';
import { ADMIN } from '../../support/backend';
import { startCentre, type Centre } from '../../support/centre';
import { kioskInput } from '../intake/harness';

let centre: Centre | undefined;
let printer: EscposListener | undefined;
afterEach(async () => {
  await centre?.close();
  await printer?.close();
  centre = undefined;
  printer = undefined;
});

const ALL_OPS = Object.keys(api);

describe('device kinds bound what a machine can ever call', () => {
  it('a kiosk can register, look up and reprint, and nothing else: no staff login, no staff op, even with a staff session', async () => {
    centre = await startCentre();
    const kiosk = await centre.pair('kiosk', '大厅自助机');
    const submitted = await centre.invoke({ op: 'intake.submit', input: kioskInput() }, { cookie: kiosk.cookie });
    expect(submitted.json.ok).toBe(true);

    const login = await centre.invoke(
      { op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } },
      { cookie: kiosk.cookie },
    );
    expect(login.status).toBe(403);
    expect(login.json.error?.code).toBe('DEVICE_FORBIDDEN');
    expect(login.json.error?.message).toContain('自助登记机');

    // A session obtained elsewhere does not turn the kiosk into a desk.
    const adminSession = (await centre.invoke({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } })).json
      .data as { session: string };
    for (const op of ALL_OPS.filter((o) => !KIOSK_OPS.includes(o))) {
      const res = await centre.invoke({ op, input: {}, session: adminSession.session }, { cookie: kiosk.cookie });
      expect(res.json.error?.code, op).toBe('DEVICE_FORBIDDEN');
    }
    const reprintById = await centre.invoke(
      { op: 'intake.reprint', input: { intakeId: 'x' }, session: adminSession.session },
      { cookie: kiosk.cookie },
    );
    expect(reprintById.json.error?.code).toBe('UNAUTHENTICATED');
  });

  it('a display can read the queue and nothing else', async () => {
    centre = await startCentre();
    const display = await centre.pair('display', '大厅叫号屏');
    const q = await centre.invoke({ op: 'queue.display' }, { cookie: display.cookie });
    expect(q.json.ok).toBe(true);
    for (const op of ALL_OPS.filter((o) => !DISPLAY_OPS.includes(o))) {
      const res = await centre.invoke({ op, input: {} }, { cookie: display.cookie });
      expect(res.json.error?.code, op).toBe('DEVICE_FORBIDDEN');
    }
  });

  it('a desk logs in as staff and is bounded by the role, and its changes are audited with the device', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk', '一号窗口');
    const login = await centre.invoke(
      { op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } },
      { cookie: desk.cookie },
    );
    const session = (login.json.data as { session: string }).session;
    const user = await centre.invoke(
      { op: 'users.create', input: { loginName: 'clerk1', displayName: '李窗口', role: 'intake', password: 'Clerk12345' }, session },
      { cookie: desk.cookie },
    );
    expect(user.json.ok).toBe(true);
    const row = centre.backend.app.ctx.db.sqlite
      .prepare("SELECT device_id AS d FROM audit WHERE entity_kind = 'user' ORDER BY id DESC LIMIT 1")
      .get() as { d: string | null };
    expect(row.d).toBe(desk.deviceId);

    const clerkLogin = await centre.invoke(
      { op: 'auth.login', input: { loginName: 'clerk1', password: 'Clerk12345' } },
      { cookie: desk.cookie },
    );
    const clerk = (clerkLogin.json.data as { session: string }).session;
    const forbidden = await centre.invoke({ op: 'devices.list', session: clerk }, { cookie: desk.cookie });
    expect(forbidden.json.error?.code).toBe('FORBIDDEN');
  });

  it('an unpaired machine on the LAN may only learn that it must pair', async () => {
    centre = await startCentre();
    const res = await centre.invoke({ op: 'intake.kioskInfo' }, { token: null });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: 'DEVICE_UNPAIRED' });
    expect(res.json.error?.message).toContain('配对');
    expect((await centre.invoke({ op: 'devices.current' }, { token: null })).json.ok).toBe(true);
  });

  it("a kiosk's ticket comes out of that kiosk's own network printer", async () => {
    centre = await startCentre();
    printer = await startEscposListener();
    const kiosk = await centre.pair('kiosk', '二楼自助机');
    await centre.admin('devices.setTicketPrinter', { id: kiosk.deviceId, printer: printer.uri });
    const res = await centre.invoke({ op: 'intake.submit', input: kioskInput() }, { cookie: kiosk.cookie });
    expect(res.json).toMatchObject({ ok: true, data: { printed: true } });
    const tickets = await printer.received();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.lines.join('\n')).toContain((res.json.data as { queueCode: string }).queueCode);

    const other = await centre.pair('kiosk', '无打印机的自助机');
    const noPrinter = await centre.invoke({ op: 'intake.submit', input: kioskInput({ phone: '13903731111' }) }, { cookie: other.cookie });
    expect(noPrinter.json).toMatchObject({ ok: true, data: { printed: false } });
    expect(printer.connections()).toBe(1);
  });
});
