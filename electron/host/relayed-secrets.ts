/**
 * Secrets of the centre host when it runs in the desktop app's utility process. Only Electron's
 * main process can use safeStorage, so main decrypts the secrets once and hands them over at
 * start, and encrypts whatever the host changes (an admin entering the district token). The host
 * reads from memory, synchronously, as it reads any SecretStore. Plain Node, no Electron import:
 * the channel is anything with postMessage and a message event (Electron's parentPort in
 * production, a MessageChannel in the tests).
 */
import { z } from 'zod';
import type { SecretStore } from '../services/secrets';

const name = z.string().min(1).max(100);

/** main → host: the decrypted secrets, once, before the host starts. */
export const secretsHandoverSchema = z.object({ type: z.literal('secrets'), values: z.record(name, z.string().max(10_000)) });
/** host → main: a change to keep (encrypted) in the data dir. */
export const secretChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('secret-set'), name, value: z.string().max(10_000) }),
  z.object({ type: z.literal('secret-delete'), name }),
]);
export type SecretChange = z.infer<typeof secretChangeSchema>;

export interface MessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
}

export function relayedSecrets(initial: Record<string, string>, port: MessagePortLike): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set(key, value) {
      values.set(key, value);
      port.postMessage({ type: 'secret-set', name: key, value } satisfies SecretChange);
    },
    delete(key) {
      values.delete(key);
      port.postMessage({ type: 'secret-delete', name: key } satisfies SecretChange);
    },
  };
}

/**
 * The secrets main hands over. After `timeoutMs` without them the host starts without (the
 * settings page then asks for the district token again) rather than not at all.
 */
export function receiveSecrets(port: MessagePortLike, timeoutMs: number): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({}), timeoutMs);
    port.on('message', (e) => {
      const parsed = secretsHandoverSchema.safeParse(e.data);
      if (!parsed.success) return;
      clearTimeout(timer);
      resolve(parsed.data.values);
    });
  });
}
