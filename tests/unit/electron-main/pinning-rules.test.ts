import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureHostCertificate } from '../../../electron/host/tls';
import { normaliseFingerprint } from '../../../electron/common/centre-mode';
import { verifyPinned } from '../../../electron/main/pinning-rules';
import { tempDir } from '../../support/tmp';

describe('the Electron workstation pins the centre host certificate', () => {
  it('trusts the pinned host only with the pinned certificate, and leaves other hosts to Chromium', async () => {
    const t = tempDir();
    try {
      const a = await ensureHostCertificate(path.join(t.dir, 'a'));
      const b = await ensureHostCertificate(path.join(t.dir, 'b'));
      const pinned = { host: '192.168.1.10', fingerprint: a.fingerprint };
      expect(verifyPinned('192.168.1.10', a.cert, pinned)).toBe(0);
      expect(verifyPinned('192.168.1.10', b.cert, pinned)).toBe(-2);
      expect(verifyPinned('192.168.1.10', 'not a certificate', pinned)).toBe(-2);
      expect(verifyPinned('example.org', b.cert, pinned)).toBe(-3);
      expect(verifyPinned('192.168.1.10', a.cert, null)).toBe(-3);
      // What the admin typed from the host's screen, however spaced or cased.
      const typed = `sha256: ${a.fingerprint.toLowerCase().replace(/:/g, ' ')}`;
      expect(normaliseFingerprint(typed)).toBe(a.fingerprint);
      expect(verifyPinned('192.168.1.10', a.cert, { ...pinned, fingerprint: typed })).toBe(0);
      expect(normaliseFingerprint('AB:CD')).toBeNull();
    } finally {
      t.cleanup();
    }
  });
});
