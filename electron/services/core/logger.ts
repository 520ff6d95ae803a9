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

export function createLogger(opts: { logsDir?: string; console?: boolean; level?: string }): Logger {
  const transports: winston.transport[] = [];
  if (opts.logsDir) {
    transports.push(
      new DailyRotateFile({
        dirname: opts.logsDir,
        filename: 'mediation-desk-%DATE%.log',
        datePattern: 'YYYY-MM-DD',
        maxFiles: '14d',
        maxSize: '20m',
      }),
    );
  }
  if (opts.console) transports.push(new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] }));
  if (transports.length === 0) transports.push(new winston.transports.Console({ silent: true }));
  const logger = winston.createLogger({
    level: opts.level ?? 'info',
    format: winston.format.combine(redactFormat(), winston.format.timestamp(), winston.format.json()),
    transports,
  });
  // winston's close() only asks the transports to close: a rotating file says 'finish' once its stream
  // has been opened (that happens asynchronously), written out and closed.
  const files = transports.filter((t) => t instanceof DailyRotateFile);
  const finished = files.map((t) => new Promise<void>((resolve) => t.once('finish', () => resolve())));
  return {
    info: logger.info.bind(logger),
    warn: logger.warn.bind(logger),
    error: logger.error.bind(logger),
    debug: logger.debug.bind(logger),
    close: async () => {
      logger.close();
      await Promise.all(finished);
    },
  };
}

export const logFileName = (logsDir: string, day: string) => path.join(logsDir, `mediation-desk-${day}.log`);
