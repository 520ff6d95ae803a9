/**
 * Logging: winston with daily rotation into the data dir's logs/ (14 days kept).
 * Every message and metadata string passes through `redact` first: logs must never contain ID
 * numbers, phone numbers or secrets, whoever wrote the log call.
 */
import path from 'node:path';
import winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';

export type Logger = Pick<winston.Logger, 'info' | 'warn' | 'error' | 'debug'> & { close(): void };

const RESIDENT_ID = /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const BEARER = /(Bearer\s+)[^\s"',]+/gi;
const SECRET_FIELD = /("?(?:token|password|passwordHash|secret|authorization)"?\s*[:=]\s*"?)[^"\s,}]+/gi;

export function redact(text: string): string {
  return text
    .replace(BEARER, '$1[已隐藏]')
    .replace(SECRET_FIELD, '$1[已隐藏]')
    .replace(RESIDENT_ID, (m) => `${m.slice(0, 4)}**********${m.slice(-4)}`)
    .replace(MOBILE, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`)
    .replace(LANDLINE, '[电话已隐藏]');
}

const SECRET_KEY = /password|token|secret|authorization/i;

const redactFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    const v = info[key];
    if (SECRET_KEY.test(key)) info[key] = '[已隐藏]';
    else if (typeof v === 'string') info[key] = redact(v);
    else if (v && typeof v === 'object') info[key] = JSON.parse(redact(JSON.stringify(v)));
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
  let failedAt: number | null = null;
  let closed = false;

  const fileFailed = (t: DailyRotateFile, e: Error) => {
    if (file !== t) return;
    file = null;
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
    close: () => {
      closed = true;
      logger.close();
    },
  };
}

export const logFileName = (logsDir: string, day: string) => path.join(logsDir, `mediation-desk-${day}.log`);
