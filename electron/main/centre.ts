/**
 * The desktop app's part of the centre network (Electron only; cannot run in tests here):
 * - 本机作为中心主机: with the machine pref `centreHost` on, the LAN host (HTTPS, default port 7443)
 *   runs off the UI thread in a utility process on the same data dir, so serving a whole centre
 *   never freezes this window;
 * - the pinned certificate of the centre host this machine is a workstation of (`pinnedHost`),
 *   checked on every TLS connection of the window's session.
 */
import path from 'node:path';
import { utilityProcess, type Session, type UtilityProcess } from 'electron';
import type { ShellLog } from './security';
import { verifyPinned, type PinnedHost } from './pinning-rules';

export function pinCentreCertificate(session: Session, pinned: () => PinnedHost | null, log: ShellLog): void {
  session.setCertificateVerifyProc((request, callback) => {
    const verdict = verifyPinned(request.hostname, request.certificate.data, pinned());
    if (verdict === -2) log.warn('centre host certificate does not match the pinned fingerprint', { host: request.hostname });
    callback(verdict);
  });
}

/** Starts the LAN host in a utility process; returns its stopper. The host prints its URL and fingerprint to the log. */
export function startCentreHost(opts: { dataDir: string; staticDir: string; log: ShellLog }): { stop(): void } {
  let child: UtilityProcess | null = utilityProcess.fork(
    path.join(import.meta.dirname, 'centre-host.js'),
    ['serve', '--data-dir', opts.dataDir, '--lan', '--static-dir', opts.staticDir],
    { serviceName: 'mediation-desk centre host', stdio: 'pipe' },
  );
  child.stdout?.on('data', (d: Buffer) => opts.log.info('centre host', { line: d.toString('utf8').trim() }));
  child.stderr?.on('data', (d: Buffer) => opts.log.warn('centre host', { line: d.toString('utf8').trim() }));
  child.on('exit', (code) => {
    opts.log.warn('centre host stopped', { code });
    child = null;
  });
  return {
    stop: () => {
      child?.kill();
      child = null;
    },
  };
}
