/**
 * The running app's services, built once per process by createBackend: the service context
 * (database, clock, logger, paths, secrets) plus the few stateful parts (sessions, preferences,
 * the upload, the in-memory guards). Each is a member here, not a registry keyed by this object.
 */
import type { DataControl } from './backend';
import type { ApiResponse } from './common/api/contract';
import type { CentreHostAddress } from './common/api/devices';
import type { LoginLockout } from './services/auth/lockout';
import type { SessionStore } from './services/auth/sessions';
import type { PairingGuard } from './services/devices/pairing-guard';
import type { PushHub } from './services/devices/push-hub';
import type { ServiceContext } from './services/core/context';
import type { KioskGuard } from './services/intake/guard';
import type { Prefs } from './services/machine-prefs';
import type { AppUploads } from './services/upload/background';

export interface AppServices {
  ctx: ServiceContext;
  sessions: SessionStore;
  prefs: Prefs;
  host: 'electron' | 'browser';
  /** The data dir as a whole: free space, restore while running. */
  data: DataControl;
  /** The centre network: how this process serves, and its shared state. */
  centre: CentreState;
  /** The district upload of this process: 立即上传, its progress, the night scheduler. */
  uploads: AppUploads;
  /** Failed sign-ins per login name and per device, and the lock they earn. */
  loginLockout: LoginLockout;
  /** The kiosk's rate limits and reprint grants. */
  kioskGuard: KioskGuard;
  /** Writes still running, by caller and idempotency key: a repeat waits for the first one's answer. */
  writesInFlight: Map<string, Promise<ApiResponse>>;
}

export interface CentreState {
  /** 'lan' once the host serves the centre's LAN over HTTPS; 'local' for one PC (Electron, loopback host, CLI). */
  mode: 'local' | 'lan';
  /** In LAN mode: the address workstations open and the certificate's fingerprint they compare. */
  lan: CentreHostAddress | null;
  push: PushHub;
  pairing: PairingGuard;
  /** When each device's last-seen was last written (ms), so a busy desk does not write on every call. */
  seenWrites: Map<string, number>;
}
