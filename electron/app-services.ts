/**
 * The running app's services, built once per process by createBackend: the service context
 * (database, clock, logger, paths, secrets) plus the few stateful parts (sessions, preferences).
 */
import type { DataControl } from './backend';
import type { SessionStore } from './services/auth/sessions';
import type { ServiceContext } from './services/core/context';
import type { Prefs } from './services/prefs';

export interface AppServices {
  ctx: ServiceContext;
  sessions: SessionStore;
  prefs: Prefs;
  host: 'electron' | 'browser';
  /** The data dir as a whole: free space, restore while running. */
  data: DataControl;
}
