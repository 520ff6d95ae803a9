/**
 * A real backend on a real SQLite file in a temp dir, set up like a centre after first run,
 * with helpers to call the API the way the renderer does.
 */
import type { Api, OpName } from '../../electron/common/api';
import type { InputOf, OutputOf } from '../../electron/common/api/contract';
import { createBackend, type Backend } from '../../electron/backend';
import { fixedClock } from '../../electron/services/core/clock';
import { createLogger } from '../../electron/services/core/logger';
import { tempDir } from './tmp';

export const CENTRE = {
  centreCode: '410711001',
  name: '牧野区非诉讼服务中心',
  tier: 'district' as const,
  address: '新乡市牧野区和平大道北段',
  phone: '0373-1234567',
  committeeName: '牧野区人民调解委员会',
  committeeAbbr: '牧调',
};
export const ADMIN = { loginName: 'admin', displayName: '王主任', password: 'Admin1234' };

export interface TestApp {
  backend: Backend;
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  call: <K extends OpName>(op: K, input: InputOf<Api[K]> | undefined, session?: string | null) => Promise<OutputOf<Api[K]>>;
  raw(req: unknown): ReturnType<Backend['invoke']>;
  login(loginName?: string, password?: string): Promise<string>;
  close(): void;
}

/**
 * scrypt's N for the apps the tests start. Most tests create users and sign in, and none of them
 * is about hashing: at the production cost (2^17, ~0.45 s a hash here) they would spend minutes
 * hashing. The tests about hashing (tests/integration/auth/passwords.test.ts) pass
 * `passwordCost: PASSWORD_COST` and so run the production cost.
 */
export const TEST_PASSWORD_COST = 2 ** 10;

export async function startTestApp(opts: { setUp?: boolean; now?: string; passwordCost?: number } = {}): Promise<TestApp> {
  const tmp = tempDir();
  const clock = fixedClock(opts.now ?? '2026-11-20T09:00:00+08:00');
  const backend = createBackend({
    dataDir: tmp.dir,
    host: 'browser',
    clock,
    logger: createLogger({}),
    passwordCost: opts.passwordCost ?? TEST_PASSWORD_COST,
  });
  const call: TestApp['call'] = async (op, input, session = null) => {
    const res = await backend.invoke({ op, input, session });
    if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
    return res.data as never;
  };
  const app: TestApp = {
    backend,
    dir: tmp.dir,
    clock,
    call,
    raw: (req) => backend.invoke(req),
    login: async (loginName = ADMIN.loginName, password = ADMIN.password) => (await call('auth.login', { loginName, password })).session,
    close: () => {
      backend.close();
      tmp.cleanup();
    },
  };
  if (opts.setUp !== false) await call('setup.create', { centre: CENTRE, admin: ADMIN });
  return app;
}
