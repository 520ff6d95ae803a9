/** Shared set-up for the intake tests: a real backend, a real ESC/POS listener, realistic citizens. */
import net from 'node:net';
import type { IntakeInput } from '../../../electron/common/api/intake';
import { makeResidentId } from '../../../electron/common/domain/identity';
import { startEscposListener, type EscposListener, type ListenerMode } from '../../peers/escpos-listener';
import { startTestApp, type TestApp } from '../../support/backend';

export const WANG_ID = makeResidentId('410711', '1962-07-08', 17);

export function kioskInput(over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    channel: 'kiosk',
    category: 'neighbor',
    name: '王秀兰',
    phone: '138 0373 4321',
    idNumber: WANG_ID,
    otherParty: '赵大勇',
    otherPartyPhone: '13937351234',
    description: '楼上邻居家卫生间漏水，我家天花板发霉，找他几次都不管。',
    consent: true,
    ...over,
  };
}

export interface Env {
  app: TestApp;
  admin: string;
  printers: EscposListener[];
  printer(mode?: ListenerMode): Promise<EscposListener>;
  /** Points this machine's ticket printer at `uri` (through the API, as the admin would). */
  usePrinter(uri: string, width?: 58 | 80): Promise<void>;
  close(): Promise<void>;
}

export async function startEnv(opts: { now?: string } = {}): Promise<Env> {
  const app = await startTestApp(opts.now ? { now: opts.now } : {});
  const admin = await app.login();
  const printers: EscposListener[] = [];
  let printerId: string | undefined;
  return {
    app,
    admin,
    printers,
    async printer(mode) {
      const l = await startEscposListener(mode ? { mode } : {});
      printers.push(l);
      return l;
    },
    async usePrinter(uri, width = 80) {
      const list = await app.call(
        'printers.save',
        { ...(printerId ? { id: printerId } : {}), name: '窗口小票机', address: uri, width, ticket: true },
        admin,
      );
      printerId = list.find((p) => p.ticket)?.id;
    },
    async close() {
      await Promise.all(printers.splice(0).map((l) => l.close()));
      app.close();
    },
  };
}

/** A port nobody listens on: bind one, then let it go. */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function staff(
  app: TestApp,
  admin: string,
  loginName: string,
  role: 'intake' | 'mediator' | 'court_mediator' | 'admin',
): Promise<string> {
  await app.call('users.create', { loginName, displayName: `${role}用户`, role, password: 'Tiaojie2026' }, admin);
  return app.login(loginName, 'Tiaojie2026');
}

/** The error a call failed with (code and message), or a failure when it succeeded. */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; fields?: Record<string, string> };
  }
  throw new Error('expected the call to fail');
}
