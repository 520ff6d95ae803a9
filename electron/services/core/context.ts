/**
 * What every service function receives: its dependencies, passed in (never imported globals),
 * so the same code runs in the Electron app, the browser host, the CLI and the tests.
 */
import type { Db } from '../../../db/open';
import type { Role } from '../../common/roles';
import type { DataPaths } from '../data-dir';
import type { SecretStore } from '../secrets';
import type { Clock } from './clock';
import type { Logger } from './logger';

export interface ServiceContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
  secrets: SecretStore;
}

/** Who is doing something: a signed-in user, the citizens' kiosk, or an operator's CLI command. */
export interface Actor {
  id: string | null;
  name: string;
  role: Role | null;
  /** The paired workstation the action came from (centre network); absent or null for this machine. */
  deviceId?: string | null;
}

export const kioskActor: Actor = { id: null, name: '自助终端', role: null };
export const cliActor: Actor = { id: null, name: '命令行', role: 'admin' };
export const systemActor: Actor = { id: null, name: '系统', role: 'admin' };
