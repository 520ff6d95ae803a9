/**
 * Password hashing with scrypt (node:crypto): no native add-on, memory-hard, and the parameters
 * travel with the hash (`scrypt$N$r$p$salt$hash`) so the cost can be raised without breaking old
 * hashes: they still verify and are rehashed at the next successful login.
 *
 * Hashing runs on libuv's thread pool through the asynchronous API, so a login never holds other
 * requests; at most HASH_CONCURRENCY run at once, which leaves pool threads for file work and
 * bounds the memory (128·N·r bytes each: 128 MiB at the production cost).
 */
import { randomBytes, scrypt as scryptCallback, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => Promise<Buffer>;

/** OWASP's current recommendation for scrypt: N=2^17, r=8, p=1. */
export const PASSWORD_COST = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
const SALT_BYTES = 16;
/** Stored costs outside this range are refused: a damaged row must not ask for gigabytes. */
const MAX_STORED_N = 2 ** 20;
export const HASH_CONCURRENCY = 2;

interface Params {
  N: number;
  r: number;
  p: number;
}

interface Parsed extends Params {
  salt: Buffer;
  hash: Buffer;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!isPowerOfTwo(N) || N > MAX_STORED_N || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16)
    return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || hash.length < 16) return null;
  return { N, r, p, salt, hash };
}

const format = (q: Params, salt: Buffer, hash: Buffer) =>
  `scrypt$${q.N}$${q.r}$${q.p}$${salt.toString('base64')}$${hash.toString('base64')}`;

/** scrypt needs 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default), so allow twice that. */
const options = (q: Params): ScryptOptions => ({ N: q.N, r: q.r, p: q.p, maxmem: 128 * q.N * q.r * 2 });

/** A tiny counting semaphore: at most `limit` hashes on the thread pool at once. */
class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await job();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

export class PasswordHasher {
  readonly params: Params;
  /** A hash of nobody's password at the current cost: unknown login names are checked against it. */
  private readonly dummy: string;
  private readonly limiter = new Limiter(HASH_CONCURRENCY);

  /** `cost` is scrypt's N (a power of two); the production default is PASSWORD_COST. */
  constructor(cost: number = PASSWORD_COST) {
    if (!isPowerOfTwo(cost) || cost > MAX_STORED_N) throw new Error(`scrypt cost must be a power of two up to 2^20, got ${cost}`);
    this.params = { N: cost, r: R, p: P };
    this.dummy = format(this.params, randomBytes(SALT_BYTES), randomBytes(KEYLEN));
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const hash = await this.limiter.run(() => scrypt(password.normalize('NFC'), salt, KEYLEN, options(this.params)));
    return format(this.params, salt, hash);
  }

  /**
   * The blocking form, for the first-run setup only: it runs once, before anyone can sign in,
   * from code paths (CLI init, demo) that are synchronous transactions.
   */
  hashSync(password: string): string {
    const salt = randomBytes(SALT_BYTES);
    return format(this.params, salt, scryptSync(password.normalize('NFC'), salt, KEYLEN, options(this.params)));
  }

  /**
   * Whether `password` matches `stored`. Always runs exactly one scrypt: with no stored hash (an
   * unknown login name) or an unreadable one, against the dummy hash of the current cost, so the
   * time taken does not tell which accounts exist.
   */
  async verify(password: string, stored: string | null): Promise<boolean> {
    const parsed = stored === null ? null : parse(stored);
    const target = parsed ?? parse(this.dummy);
    // The dummy is made by this class in its own format: unreadable only if this file is broken.
    if (!target) throw new Error('dummy password hash unreadable');
    const actual = await this.limiter.run(() => scrypt(password.normalize('NFC'), target.salt, target.hash.length, options(target)));
    return parsed !== null && actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
  }

  /** True for a hash made at a lower cost (or other parameters) than the current ones. */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    return (
      parsed === null ||
      parsed.N < this.params.N ||
      parsed.r !== this.params.r ||
      parsed.p !== this.params.p ||
      parsed.hash.length !== KEYLEN
    );
  }
}
