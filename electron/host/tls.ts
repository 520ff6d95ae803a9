/**
 * The centre host's TLS certificate: generated once with `selfsigned` and kept in the data dir
 * (`tls/`, files mode 600), so the fingerprint the workstations pinned stays the same across restarts.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface HostCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, upper-case hex pairs joined by ':' (what browsers show). */
  fingerprint: string;
}

export const tlsDir = (dataDir: string) => path.join(dataDir, 'tls');

/** The host's addresses on the LAN, for the certificate's subject alternative names. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal && a.family === 'IPv4')
    .map((a) => a.address);
}

export async function ensureHostCertificate(dataDir: string, extraAddresses: string[] = []): Promise<HostCertificate> {
  const dir = tlsDir(dataDir);
  const keyFile = path.join(dir, 'host-key.pem');
  const certFile = path.join(dir, 'host-cert.pem');
  if (!fs.existsSync(keyFile) || !fs.existsSync(certFile)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const ips = [...new Set(['127.0.0.1', ...lanAddresses(), ...extraAddresses.filter((a) => /^[\d.]+$/.test(a) && a !== '0.0.0.0')])];
    const now = new Date();
    const pems = await generate([{ name: 'commonName', value: `mediation-desk ${os.hostname()}` }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
      notAfterDate: new Date(now.getTime() + 20 * 365 * 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [{ type: 2, value: 'localhost' }, { type: 2, value: os.hostname() }, ...ips.map((ip) => ({ type: 7 as const, ip }))],
        },
      ],
    });
    // Key first, with its mode set at creation: it is never readable by other accounts, not even briefly.
    fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
    fs.writeFileSync(certFile, pems.cert, { mode: 0o600 });
  }
  const key = fs.readFileSync(keyFile, 'utf8');
  const cert = fs.readFileSync(certFile, 'utf8');
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}
