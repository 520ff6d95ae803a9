import fs from 'node:fs';
import type { Command } from 'commander';
import { centreModeSchema, describeCentreMode, readCentreMode, type CentreMode } from '../../common/centre-mode';
import { AppError } from '../../common/errors';
import { dataPaths } from '../../services/data-dir';
import { confPrefs } from '../../services/machine-prefs';
import { action, err, out } from '../support';

interface Options {
  dataDir: string;
  standalone?: boolean;
  host?: boolean;
  connect?: string;
  port?: string;
  fingerprint?: string;
  json?: boolean;
}

/** HOST or HOST:PORT as typed; an https:// in front or a / after is forgiven. */
function splitAddress(text: string): { host: string; port?: number } {
  const bare = text
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '');
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(bare)!;
  return { host: m[1]!, ...(m[2] ? { port: Number(m[2]) } : {}) };
}

function wanted(o: Options): CentreMode | null {
  const chosen = [o.standalone, o.host, o.connect !== undefined].filter(Boolean).length;
  if (chosen > 1)
    throw new AppError('VALIDATION', '--standalone、--host、--connect 只能选一个 / choose one of --standalone, --host, --connect');
  if (o.fingerprint !== undefined && o.connect === undefined)
    throw new AppError('VALIDATION', '--fingerprint 只能与 --connect 一起使用 / --fingerprint needs --connect');
  if (chosen === 0) {
    if (o.port !== undefined)
      throw new AppError('VALIDATION', '--port 只能与 --host 或 --connect 一起使用 / --port needs --host or --connect');
    return null;
  }
  const port = o.port === undefined ? undefined : Number(o.port);
  let candidate: unknown;
  if (o.standalone) candidate = { kind: 'standalone' };
  else if (o.host) candidate = { kind: 'host', ...(port !== undefined ? { port } : {}) };
  else {
    if (!o.fingerprint)
      throw new AppError('VALIDATION', '缺少 --fingerprint：请照抄中心主机显示的 SHA256: 一行 / --fingerprint is required');
    const address = splitAddress(o.connect!);
    candidate = { kind: 'workstation', host: address.host, port: port ?? address.port, fingerprint: o.fingerprint };
  }
  const parsed = centreModeSchema.safeParse(candidate);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? '输入有误');
  return parsed.data;
}

/**
 * `machine`: what this machine is in its centre — 单机使用 (`--standalone`, the default),
 * 本机作为中心主机 (`--host`), or a workstation of a host (`--connect HOST[:PORT] --fingerprint FP`).
 * Without a choice, prints the current one. The desktop app reads it at its next start.
 */
export default function register(program: Command): void {
  program
    .command('machine')
    .description('查看或设置本机角色：单机 / 中心主机 / 连接到中心主机 / show or set this machine’s role in its centre')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .option('--standalone', '单机使用（默认）/ one-PC centre (default)')
    .option('--host', '本机作为中心主机 / this machine is the centre host')
    .option('--connect <address>', '连接到中心主机，如 192.168.1.10 或 192.168.1.10:7443 / connect to a centre host')
    .option('--port <port>', '端口（默认 7443）/ port (default 7443)')
    .option('--fingerprint <sha256>', '中心主机证书指纹（主机显示的 SHA256: 一行）/ the host certificate fingerprint')
    .option('--json', '以一个 JSON 对象输出 / print one JSON object')
    .action(
      action((o: Options) => {
        const next = wanted(o);
        fs.mkdirSync(o.dataDir, { recursive: true });
        const prefs = confPrefs(o.dataDir);
        if (next) prefs.set('centreMode', next);
        const mode = readCentreMode(prefs.get('centreMode'));
        if (o.json) {
          out(JSON.stringify(mode));
        } else {
          out(`本机角色 / machine role: ${describeCentreMode(mode)}`);
          if (next) out('调解工作台下次启动时生效 / takes effect when the app next starts');
        }
        if (next?.kind === 'workstation' && fs.existsSync(dataPaths(o.dataDir).database))
          err(
            '注意 / note: 本机数据库中的案件在连接中心主机期间不显示、不上传；改回 --standalone 后恢复 / local cases are set aside while connected',
          );
      }),
    );
}
