/**
 * The Electron workstation's device credential: the host sets it at pairing as the `md_device`
 * cookie (HttpOnly, Secure). Chromium would keep it in its own cookie file; the workstation
 * instead keeps it encrypted with safeStorage in the data dir and gives it back to the window's
 * session as a session-only cookie at each start, so it is never on disk in clear. Pure (no
 * 'electron' import): the file format and the decisions are unit-tested; centre.ts does the I/O.
 */
import { z } from 'zod';
import { DEVICE_COOKIE } from '../common/api/devices';

export const CREDENTIAL_FILE = 'workstation-credential.json';

const storedSchema = z.object({
  version: z.literal(1),
  protection: z.literal('electron-safeStorage'),
  /** The host the credential was issued by: https://HOST:PORT. */
  origin: z.string().min(1).max(300),
  /** The pinned certificate it was issued under. */
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  /** safeStorage ciphertext, base64. */
  credential: z.string().min(1).max(4096),
});

export function serializeCredential(origin: string, fingerprint: string, ciphertext: Buffer): string {
  return JSON.stringify(
    { version: 1, protection: 'electron-safeStorage', origin, fingerprint, credential: ciphertext.toString('base64') } satisfies z.infer<
      typeof storedSchema
    >,
    null,
    2,
  );
}

/**
 * The ciphertext kept for this host, or null: no file, a damaged one, or a credential issued by
 * another host or under another certificate (after re-pointing the workstation it pairs again).
 */
export function storedCredentialFor(text: string | null, expected: { origin: string; fingerprint: string }): Buffer | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success || parsed.data.origin !== expected.origin || parsed.data.fingerprint !== expected.fingerprint) return null;
  return Buffer.from(parsed.data.credential, 'base64');
}

/** What Electron tells of a cookie that changed (the fields used here). */
export interface CookieSeen {
  name: string;
  value: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /** true: a session cookie (ours, put back at start); false: Chromium would write it to disk. */
  session?: boolean;
}

/**
 * The credential to keep from a cookie change: only a persistent `md_device` cookie that the
 * pinned host set over HTTPS. Anything else (other cookies, other hosts, our own session-only
 * copy, a removal) is none of this module's business.
 */
export function credentialToKeep(cookie: CookieSeen, removed: boolean, host: string): string | null {
  if (removed || cookie.name !== DEVICE_COOKIE || cookie.session !== false || cookie.secure !== true) return null;
  const domain = (cookie.domain ?? '').replace(/^\./, '').toLowerCase();
  if (domain !== host.toLowerCase()) return null;
  return /^[A-Za-z0-9_-]{16,200}$/.test(cookie.value) ? cookie.value : null;
}
