/**
 * The desktop app's part of the centre network (Electron only; cannot run in tests here — the
 * decisions are in centre-plan.ts, pinning-rules.ts and workstation-credential.ts, unit-tested):
 * - the pinned certificate of the centre host the window talks to, checked on every TLS connection;
 * - 本机作为中心主机: the LAN host in a utility process on this data dir, with its secrets relayed
 *   from main's safeStorage;
 * - the workstation's device credential kept with safeStorage instead of Chromium's cookie file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage, utilityProcess, type Session, type UtilityProcess } from 'electron';
import { DEVICE_COOKIE } from '../common/api/devices';
import { secretChangeSchema } from '../host/relayed-secrets';
import type { SecretStore } from '../services/secrets';
import { DISTRICT_TOKEN } from '../services/upload/background';
import { hostStartFailure, parseHostBanner, type HostBanner } from './centre-plan';
import type { ShellLog } from './security';
import { verifyPinned, type PinnedHost } from './pinning-rules';
import { CREDENTIAL_FILE, credentialToKeep, serializeCredential, storedCredentialFor } from './workstation-credential';

export function pinCentreCertificate(session: Session, pinned: () => PinnedHost | null, log: ShellLog): void {
  session.setCertificateVerifyProc((request, callback) => {
    const verdict = verifyPinned(request.hostname, request.certificate.data, pinned());
    if (verdict === -2) log.warn('centre host certificate does not match the pinned fingerprint', { host: request.hostname });
    callback(verdict);
  });
}

/** The secrets the host may need; main hands them over decrypted at start. */
const HOST_SECRETS = [DISTRICT_TOKEN];

export interface CentreHostProcess {
  /** Resolves once the host prints its URL and fingerprint; rejects with a Chinese reason when it exits first. */
  ready: Promise<HostBanner>;
  stop(): void;
}

/** Starts the LAN host in a utility process on the data dir. */
export function startCentreHost(opts: {
  dataDir: string;
  staticDir: string;
  port: number;
  secrets: SecretStore;
  log: ShellLog;
  onExit: (code: number) => void;
}): CentreHostProcess {
  let child: UtilityProcess | null = utilityProcess.fork(
    path.join(import.meta.dirname, 'centre-host.js'),
    ['serve', '--data-dir', opts.dataDir, '--lan', '--port', String(opts.port), '--static-dir', opts.staticDir],
    { serviceName: 'mediation-desk centre host', stdio: 'pipe' },
  );
  const values: Record<string, string> = {};
  for (const name of HOST_SECRETS) {
    const value = opts.secrets.get(name);
    if (value !== null) values[name] = value;
  }
  child.postMessage({ type: 'secrets', values });
  child.on('message', (message: unknown) => {
    const change = secretChangeSchema.safeParse(message);
    if (!change.success) return;
    try {
      if (change.data.type === 'secret-set') opts.secrets.set(change.data.name, change.data.value);
      else opts.secrets.delete(change.data.name);
    } catch (e) {
      opts.log.warn('secret from the centre host not kept', { name: change.data.name, error: (e as Error).message });
    }
  });

  let stdout = '';
  let stderr = '';
  const ready = new Promise<HostBanner>((resolve, reject) => {
    child!.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const banner = parseHostBanner(stdout);
      if (banner) resolve(banner);
    });
    child!.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      opts.log.warn('centre host', { line: d.toString('utf8').trim().slice(0, 500) });
    });
    child!.on('exit', (code) => {
      child = null;
      reject(new Error(hostStartFailure(stderr, opts.port)));
      opts.onExit(code);
    });
  });
  // The launch token is in that first line: never in the log.
  void ready.then(
    (b) => opts.log.info('centre host started', { port: b.port, fingerprint: b.fingerprint }),
    () => undefined,
  );
  return {
    ready,
    stop: () => {
      child?.kill();
      child = null;
    },
  };
}

/**
 * The workstation's device credential: given back to the session (session-only, never written by
 * Chromium) before the first page loads, and taken from the cookie the host sets at pairing into
 * the data dir, encrypted with safeStorage.
 */
export async function keepWorkstationCredential(
  session: Session,
  opts: { dataDir: string; origin: string; pinned: PinnedHost; log: ShellLog },
): Promise<void> {
  const file = path.join(opts.dataDir, CREDENTIAL_FILE);
  const setSessionCookie = (value: string) =>
    session.cookies.set({
      url: `${opts.origin}/`,
      name: DEVICE_COOKIE,
      value,
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
    });

  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Not paired yet.
  }
  const stored = storedCredentialFor(text, { origin: opts.origin, fingerprint: opts.pinned.fingerprint });
  if (stored) {
    try {
      await setSessionCookie(safeStorage.decryptString(stored));
    } catch (e) {
      opts.log.warn('stored workstation credential cannot be used: pair again', { error: (e as Error).message });
    }
  }

  session.cookies.on('changed', (_event, cookie, _cause, removed) => {
    const credential = credentialToKeep(cookie, removed, opts.pinned.host);
    if (!credential) return;
    if (!safeStorage.isEncryptionAvailable()) {
      // No way to encrypt: Chromium keeps it in its cookie file as it would in a browser.
      opts.log.warn('safeStorage unavailable: the device credential stays in the cookie store');
      return;
    }
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, serializeCredential(opts.origin, opts.pinned.fingerprint, safeStorage.encryptString(credential)), {
      mode: 0o600,
    });
    fs.renameSync(tmp, file);
    // Replace Chromium's persistent copy with a session-only one.
    void setSessionCookie(credential).catch((e: Error) => opts.log.warn('device cookie not replaced', { error: e.message }));
    opts.log.info('workstation paired: device credential kept with safeStorage');
  });
}
