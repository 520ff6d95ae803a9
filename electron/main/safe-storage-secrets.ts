/**
 * The desktop app's SecretStore: values encrypted with Electron's safeStorage (DPAPI on Windows,
 * the desktop keyring via libsecret/KWallet on Linux) and kept as base64 in the data dir's
 * secrets.json (0600). Plain-Node hosts use services/secrets.ts on the same file name, so our
 * values sit under a marker: a plain store then finds no value (and asks for the token again)
 * instead of reading ciphertext as if it were the token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { AppError } from '../common/errors';
import type { SecretStore } from '../services/secrets';
import type { ShellLog } from './security';

const PROTECTION = 'electron-safeStorage';

interface SecretsFile {
  protection: typeof PROTECTION;
  version: 1;
  values: Record<string, string>;
}

/**
 * Our values, plus any plain-text ones: a plain-file store (the browser host or the CLI under
 * plain Node on the same data dir) writes `{name: value}` at the top level. Those are taken over
 * and encrypted at the next write.
 */
function parse(file: string): { data: SecretsFile; plain: Record<string, string> } {
  const data: SecretsFile = { protection: PROTECTION, version: 1, values: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { data, plain: {} };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { data, plain: {} };
  const strings = (o: object) => Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const { protection, values, ...rest } = raw as Partial<SecretsFile> & Record<string, unknown>;
  if (protection === PROTECTION && values && typeof values === 'object') data.values = strings(values);
  return { data, plain: strings(rest) };
}

/** Write-then-rename, so that a crash never leaves half a file and the token is not lost. */
function writeFile(file: string, data: SecretsFile): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** Call after `app.whenReady()`: before it, safeStorage reports itself unavailable on Linux. */
export function safeStorageSecrets(file: string, log?: ShellLog): SecretStore {
  let warnedPlainText = false;

  const encrypt = (value: string) => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(
        'REFUSED',
        '本机系统无法加密保存密钥（系统钥匙串不可用），为安全起见未保存。请在已登录的桌面会话中运行本程序（Linux 需要 gnome-keyring 或 KWallet），然后重试。',
      );
    }
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' && !warnedPlainText) {
      // No keyring: Chromium falls back to a fixed key, i.e. the value is protected by the file's
      // 0600 mode only (as in the browser host). Saved anyway: refusing would stop the nightly
      // upload on machines that simply have no keyring daemon.
      warnedPlainText = true;
      log?.warn('no desktop keyring: secrets are protected by file permissions only');
    }
    return safeStorage.encryptString(value).toString('base64');
  };

  const save = (data: SecretsFile, plain: Record<string, string>) => {
    for (const [k, v] of Object.entries(plain)) data.values[k] = encrypt(v);
    writeFile(file, data);
  };

  return {
    get(name) {
      const { data, plain } = parse(file);
      // A plain value is newer than ours: a plain store only ever writes at the top level.
      if (plain[name] !== undefined) return plain[name];
      const encoded = data.values[name];
      if (encoded === undefined) return null;
      try {
        return safeStorage.decryptString(Buffer.from(encoded, 'base64'));
      } catch {
        // A different OS user, a reset keyring or a copied data dir: the value cannot be recovered;
        // treating it as unset makes the UI ask for it again instead of failing every upload.
        log?.warn('stored secret cannot be decrypted on this machine; it must be entered again', { name });
        return null;
      }
    },
    set(name, value) {
      const { data, plain } = parse(file);
      delete plain[name];
      data.values[name] = encrypt(value);
      save(data, plain);
    },
    delete(name) {
      const { data, plain } = parse(file);
      if (!(name in data.values) && !(name in plain)) return;
      delete data.values[name];
      delete plain[name];
      save(data, plain);
    },
  };
}
