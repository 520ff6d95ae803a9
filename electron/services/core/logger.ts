/**
 * Logging: winston with daily rotation into the data dir's logs/ (14 days kept).
 * Every message and metadata string passes through `redact` first: logs must never contain ID
 * numbers, phone numbers or secrets, whoever wrote the log call.
 */
import path from 'node:path';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';

export type Logger = Pick<winston.Logger, 'info' | 'warn' | 'error' | 'debug'> & {
  /** Closes the log files; resolves once every line written before is on disk (a CLI command awaits it before exiting). */
  close(): Promise<void>;
};

/*
 * Personal numbers are written in many ways: with spaces or dashes between groups, behind +86 or
 * 0086, in full-width digits from a Chinese input method. Text is folded to ASCII digits and
 * separators first, then each kind is matched with separators allowed between its groups. No digit
 * or letter may touch a match on either side, so that longer numbers (record counts, ids) are not
 * cut into.
 */
const SEP = '[ \\-.]?';
const NOT_BEFORE = '(?<![0-9A-Za-z])';
const NOT_AFTER = '(?![0-9A-Za-z])';
const DATE8 = '(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
/** 18-digit resident ID (居民身份证): area, birth date, sequence, check; groups 6-8-4 may be spaced. */
const RESIDENT_ID = new RegExp(`${NOT_BEFORE}\\d{6}${SEP}${DATE8}${SEP}\\d{3}[\\dXx]${NOT_AFTER}`, 'g');
/** 15-digit first-generation ID: area, yymmdd, sequence. */
const OLD_RESIDENT_ID = new RegExp(`${NOT_BEFORE}\\d{6}${SEP}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}${NOT_AFTER}`, 'g');
/** Mainland mobile, 3-4-4, with an optional +86 / 0086 / (+86) in front. */
const MOBILE = new RegExp(`${NOT_BEFORE}(?:(?:\\+|00)?86${SEP}|\\(\\+?86\\)${SEP}?)?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}${NOT_AFTER}`, 'g');
/** Landline with area code: 0373-1234567, (0373)1234567, 0373 1234 5678. */
const LANDLINE = new RegExp(`${NOT_BEFORE}(?:0\\d{2,3}|\\(0\\d{2,3}\\))${SEP}\\d{3,4}${SEP}?\\d{4}${NOT_AFTER}`, 'g');
/**
 * Passports (E/G/D/S/P + 8 digits, or E + letter + 7), 港澳/回乡 permits (C/H/M + 8–10 digits),
 * 台湾 permits (8 digits after T or L), foreigners' permanent residence cards (3 letters + 12 digits).
 * Upper-case letters only: lower-case hex runs in ids and hashes would otherwise match.
 */
const TRAVEL_DOC = new RegExp(`${NOT_BEFORE}(?:[EGDSP]\\d{8}|E[A-Z]\\d{7}|[CHM]\\d{8,10}|[TL]\\d{8}|[A-Z]{3}\\d{12})${NOT_AFTER}`, 'g');
const UUID = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])/g;
const BEARER = /(Bearer\s+)[^\s"',]+/gi;
/** `token=abc`, `password: abc`, and JSON's `"password":"a b"` (the whole quoted value). */
const SECRET_FIELD =
  /("?(?:token|password|passwordHash|secret|authorization|credential|cookie)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^"\s,}]+)/gi;

/**
 * Full-width digits, letters, plus, minus, parentheses, full stop and the ideographic space (Chinese
 * input methods) → ASCII. Not quotes or backslashes: metadata is redacted as JSON text.
 */
function foldWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0B\uFF0D\uFF08\uFF09\uFF0E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const digitsOf = (m: string) => m.replace(/[^0-9Xx]/g, '');

/** Each kind and its mask, in order: an earlier kind's match wins where two overlap. */
const RULES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  // Record ids stay whole: an all-digit group of a UUID would otherwise read as a phone number.
  [UUID, (m) => m[0]],
  [BEARER, (m) => `${m[1]}[已隐藏]`],
  [SECRET_FIELD, (m) => (m[2]?.startsWith('"') ? `${m[1]}"[已隐藏]"` : `${m[1]}[已隐藏]`)],
  [RESIDENT_ID, (m) => `${digitsOf(m[0]).slice(0, 4)}**********${digitsOf(m[0]).slice(-4)}`],
  [OLD_RESIDENT_ID, (m) => `${digitsOf(m[0]).slice(0, 4)}********${digitsOf(m[0]).slice(-3)}`],
  [MOBILE, (m) => `${digitsOf(m[0]).slice(-11, -8)}****${digitsOf(m[0]).slice(-4)}`],
  [LANDLINE, () => '[电话已隐藏]'],
  [TRAVEL_DOC, () => '[证件号已隐藏]'],
];

/**
 * The text with personal numbers masked and secrets hidden. Matching runs on the width-folded copy
 * (same length, index for index), and only the matches are replaced, so the rest of the line keeps
 * its own characters (a case number's full-width brackets stay as they were written).
 */
export function redact(text: string): string {
  const folded = foldWidth(text);
  const hits: { start: number; end: number; mask: string }[] = [];
  for (const [pattern, mask] of RULES) {
    for (const m of folded.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      hits.push({ start, end, mask: mask(m) });
    }
  }
  if (hits.length === 0) return text;
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + h.mask;
    at = h.end;
  }
  return out + text.slice(at);
}

const SECRET_KEY = /password|token|secret|authorization|credential|cookie/i;

/** Metadata objects are redacted as their JSON text; one that cannot be is not written at all. */
function redactObject(v: object): unknown {
  try {
    return JSON.parse(redact(JSON.stringify(v))) as unknown;
  } catch {
    return '[无法记录的内容]';
  }
}

const redactFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    const v = info[key];
    if (SECRET_KEY.test(key)) info[key] = '[已隐藏]';
    else if (typeof v === 'string') info[key] = redact(v);
    else if (v && typeof v === 'object') info[key] = redactObject(v);
  }
  return info;
});

/** After the log file failed (a full disk), try it again at most this often. */
export const LOG_RETRY_MS = 60_000;

/**
 * The logger. Its file transport never ends the process: a write error (ENOSPC on a full disk, a
 * removed folder) is an 'error' event on the rotating stream, which unhandled would crash the app.
 * The broken transport is dropped, lines go to stderr meanwhile, and a fresh file transport is
 * tried again after LOG_RETRY_MS, so logging resumes once space is freed.
 */
export function createLogger(opts: { logsDir?: string; console?: boolean; level?: string; now?: () => number }): Logger {
  const now = opts.now ?? Date.now;
  const logger = winston.createLogger({
    level: opts.level ?? 'info',
    format: winston.format.combine(redactFormat(), winston.format.timestamp(), winston.format.json()),
    transports: [],
  });
  // The logger re-emits its transports' errors; they are handled per transport below.
  logger.on('error', () => undefined);
  const fallback = new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] });
  let file: DailyRotateFile | null = null;
  /** Resolves when the current log file has written out and closed: winston's close() only asks. */
  let fileDone: Promise<void> | null = null;
  let failedAt: number | null = null;
  let closed = false;

  const fileFailed = (t: DailyRotateFile, e: Error) => {
    if (file !== t) return;
    file = null;
    fileDone = null;
    failedAt = now();
    logger.remove(t);
    if (!opts.console) logger.add(fallback);
    process.stderr.write(`日志文件写入失败，暂时改为输出到控制台 / log file failed: ${(e as NodeJS.ErrnoException).code ?? e.message}\n`);
  };
  const openFile = () => {
    if (!opts.logsDir) return;
    const t = new DailyRotateFile({
      dirname: opts.logsDir,
      filename: 'mediation-desk-%DATE%.log',
      datePattern: 'YYYY-MM-DD',
      maxFiles: '14d',
      maxSize: '20m',
      // Logs hold names and case facts: the user's alone (the umask covers the audit file too).
      options: { flags: 'a', mode: 0o600 },
    });
    t.on('error', (e: Error) => fileFailed(t, e));
    (t as unknown as { logStream?: NodeJS.EventEmitter }).logStream?.on('error', (e: Error) => fileFailed(t, e));
    // A rotating file says 'finish' once its stream has been opened (asynchronously), written out and closed.
    fileDone = new Promise<void>((resolve) => t.once('finish', () => resolve()));
    file = t;
    logger.add(t);
  };
  const retryFile = () => {
    if (closed || file || failedAt === null || now() - failedAt < LOG_RETRY_MS) return;
    failedAt = null;
    if (!opts.console) logger.remove(fallback);
    openFile();
  };

  if (opts.console) logger.add(fallback);
  openFile();
  if (!opts.console && !opts.logsDir) logger.add(new winston.transports.Console({ silent: true }));

  const level =
    (name: 'info' | 'warn' | 'error' | 'debug') =>
    (...args: unknown[]) => {
      retryFile();
      return (logger[name] as (...a: unknown[]) => winston.Logger)(...args);
    };
  return {
    info: level('info') as winston.LeveledLogMethod,
    warn: level('warn') as winston.LeveledLogMethod,
    error: level('error') as winston.LeveledLogMethod,
    debug: level('debug') as winston.LeveledLogMethod,
    close: async () => {
      closed = true;
      const done = fileDone;
      logger.close();
      // A file that cannot finish (its disk is full) must not hold the process: a bounded wait.
      if (done) await Promise.race([done, new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())]);
    },
  };
}

export const logFileName = (logsDir: string, day: string) => path.join(logsDir, `mediation-desk-${day}.log`);
