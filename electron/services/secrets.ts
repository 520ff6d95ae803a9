/**
 * Secrets (the district token). In the desktop app they are encrypted with Electron's safeStorage
 * (electron/main/safe-storage-secrets.ts). Outside Electron (browser host, CLI under plain Node)
 * there is no OS keychain we can rely on, so they sit in a file readable only by this user (0600):
 * the README says so. Secrets are never logged, exported or uploaded.
 */
import fs from 'node:fs';

export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

export function fileSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const write = (data: Record<string, string>) => {
    fs.writeFileSync(file, JSON.stringify(data), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  };
  return {
    get: (name) => read()[name] ?? null,
    set: (name, value) => write({ ...read(), [name]: value }),
    delete: (name) => {
      const data = read();
      delete data[name];
      write(data);
    },
  };
}

/** Show a secret without revealing it: the first 4 and last 2 characters at most. */
export function maskSecret(secret: string | null): string | null {
  if (!secret) return null;
  if (secret.length <= 8) return '*'.repeat(secret.length);
  return `${secret.slice(0, 4)}${'*'.repeat(Math.min(12, secret.length - 6))}${secret.slice(-2)}`;
}
