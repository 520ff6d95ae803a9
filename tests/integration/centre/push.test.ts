import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../../support/backend';
import { startCentre, TOKEN, type Centre } from '../../support/centre';
import { openEvents, type EventStream } from '../../support/sse';
import { walkInCase } from '../../support/cases';
import { kioskInput } from '../intake/harness';

let centre: Centre | undefined;
const streams: EventStream[] = [];
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await centre?.close();
  centre = undefined;
});

const open = async (c: Centre, headers: Record<string, string>) => {
  const s = await openEvents(c, headers);
  streams.push(s);
  return s;
};

describe('the push channel (GET /api/events)', () => {
  for (const lan of [true, false]) {
    it(`tells every subscriber what changed after a write (${lan ? 'HTTPS LAN' : 'HTTP loopback'})`, async () => {
      centre = await startCentre({ lan });
      const host = await open(centre, { authorization: `Bearer ${TOKEN}` });
      expect(host.status).toBe(200);
      const login = await centre.invoke({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } });
      const session = (login.json.data as { session: string }).session;
      const next = host.next((e) => e.topics.includes('intake'));
      await centre.invoke({ op: 'intake.submit', input: { ...kioskInput(), channel: 'clerk' }, session });
      const event = await next;
      expect(event.topics).toEqual(['intake', 'queue']);
      expect(event.seq).toBeGreaterThan(0);
      // Reads publish nothing.
      const before = host.events.length;
      await centre.invoke({ op: 'queue.today', session });
      await new Promise((r) => setTimeout(r, 100));
      expect(host.events.length).toBe(before);
    });
  }

  it('names the case a change is about, so another desk with it open refreshes it', async () => {
    centre = await startCentre();
    const desk = await open(centre, { authorization: `Bearer ${TOKEN}` });
    const c = await centre.admin('cases.register', walkInCase());
    const heard = desk.next((e) => e.caseId === c.id);
    await centre.admin('cases.update', { id: c.id, version: c.version, patch: { title: '宅基地边界纠纷（补充）' } });
    expect((await heard).topics).toEqual(['cases']);
  });

  it('a display hears a number called at a desk, with a heartbeat between changes', async () => {
    centre = await startCentre({ limits: { heartbeatMs: 100 } });
    const display = await centre.pair('display', '大厅叫号屏');
    const kiosk = await centre.pair('kiosk');
    const desk = await centre.pair('desk');
    const screen = await open(centre, { cookie: display.cookie });
    await centre.invoke({ op: 'intake.submit', input: kioskInput() }, { cookie: kiosk.cookie });
    const login = await centre.invoke(
      { op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } },
      { cookie: desk.cookie },
    );
    const session = (login.json.data as { session: string }).session;
    const called = screen.next((e) => e.topics.includes('queue'));
    const t0 = Date.now();
    const call = await centre.invoke({ op: 'queue.callNext', input: { desk: '1号窗口' }, session }, { cookie: desk.cookie });
    expect(call.json.ok).toBe(true);
    await called;
    expect(Date.now() - t0).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 350));
    expect(screen.pings).toBeGreaterThanOrEqual(2);
  });

  it("refuses an unpaired machine, ends a revoked device's stream, and bounds the number of subscribers", async () => {
    centre = await startCentre();
    const none = await open(centre, {});
    expect(none.status).toBe(401);
    const display = await centre.pair('display');
    const screen = await open(centre, { cookie: display.cookie });
    expect(screen.status).toBe(200);
    await centre.admin('devices.revoke', { id: display.deviceId });
    await screen.waitEnd();
    expect(screen.ended).toBe(true);
    const again = await open(centre, { cookie: display.cookie });
    expect(again.status).toBe(401);

    const max = centre.backend.app.centre.push.maxSubscribers;
    const many = await Promise.all(Array.from({ length: max }, () => open(centre!, { authorization: `Bearer ${TOKEN}` })));
    expect(many.every((s) => s.status === 200)).toBe(true);
    const over = await open(centre, { authorization: `Bearer ${TOKEN}` });
    expect(over.status).toBe(503);
    many[0]!.close();
    await new Promise((r) => setTimeout(r, 100));
    expect((await open(centre, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('ends every stream cleanly when the host shuts down', async () => {
    centre = await startCentre();
    const a = await open(centre, { authorization: `Bearer ${TOKEN}` });
    const b = await open(centre, { authorization: `Bearer ${TOKEN}` });
    await centre.restart();
    await a.waitEnd();
    await b.waitEnd();
    expect(centre.backend.app.centre.push.subscribers).toBe(0);
  });
});
