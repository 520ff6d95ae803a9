/**
 * The Electron workstation pins the centre host's certificate: a connection to the paired host is
 * trusted only when the certificate's SHA-256 is the one the admin compared when pairing. Pure
 * (no 'electron' import), so it is unit-tested under Node.
 */
import { X509Certificate } from 'node:crypto';
import { normaliseFingerprint } from '../common/centre-mode';

export interface PinnedHost {
  /** The host name or address the workstation connects to (no port). */
  host: string;
  /** `AB:CD:…`, as `npm run serve -- --lan` prints after `SHA256:` (normalised again when compared). */
  fingerprint: string;
}

/**
 * Chromium's verify-proc answer for one certificate: 0 trust (the pinned host with the pinned
 * certificate), -2 refuse (the pinned host with any other certificate: a man in the middle or a
 * rebuilt host), -3 let Chromium decide (every other host).
 */
export function verifyPinned(hostname: string, certificatePem: string, pinned: PinnedHost | null): 0 | -2 | -3 {
  if (!pinned || hostname !== pinned.host) return -3;
  try {
    return new X509Certificate(certificatePem).fingerprint256 === normaliseFingerprint(pinned.fingerprint) ? 0 : -2;
  } catch {
    return -2;
  }
}
