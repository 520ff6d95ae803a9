import type { Command } from 'commander';
import { setupInput } from '../../common/api/setup';
import { AppError } from '../../common/errors';
import { getCentre, setUpCentre } from '../../services/centre';
import { generateDemo, MAX_DEMO_CASES } from '../../services/demo/generate';
import { action, appRunning, err, out, withOwnerLock, withServices } from '../support';

/** The centre a fresh demo data dir gets: Muye District's, as in reference.md. */
export const DEMO_CENTRE = {
  centreCode: '410711001',
  name: '牧野区非诉讼服务中心',
  tier: 'district' as const,
  address: '新乡市牧野区和平大道北段',
  phone: '0373-1234567',
  committeeName: '牧野区人民调解委员会',
  committeeAbbr: '牧调',
};
export const DEMO_ADMIN = { loginName: 'admin', displayName: '管理员', password: 'Admin1234' };

function parseCount(raw: string | undefined): number {
  const n = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_DEMO_CASES) {
    throw new AppError(
      'VALIDATION',
      `--cases 应为 1 至 ${MAX_DEMO_CASES} 之间的整数（收到：${raw ?? '空'}）/ --cases must be an integer from 1 to ${MAX_DEMO_CASES}`,
    );
  }
  return n;
}

function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n))
    throw new AppError('VALIDATION', `--seed 应为整数（收到：${raw}）/ --seed must be an integer`);
  return n;
}

/**
 * `demo`: fill a data dir with demo cases for training or testing. A data dir without a centre is
 * set up first with the Muye defaults and a known administrator, so that one command gives a
 * working installation to sign in to.
 */
export default function register(program: Command): void {
  program
    .command('demo')
    .description('生成演示数据（培训、测试用）/ generate demo data for training and tests')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .requiredOption('--cases <n>', `案件数量（1 至 ${MAX_DEMO_CASES}）/ number of cases`)
    .option('--seed <s>', '随机种子：相同种子生成相同数据（默认 1）/ seed, default 1')
    .action(
      action(async (o: { dataDir: string; cases?: string; seed?: string }) => {
        const cases = parseCount(o.cases);
        const seed = parseSeed(o.seed);
        const refusal = appRunning('生成演示数据', 'generate demo data');
        await withOwnerLock(o.dataDir, 'demo', refusal, () =>
          withServices(o.dataDir, (ctx) => {
            if (!getCentre(ctx)) {
              setUpCentre(ctx, setupInput.parse({ centre: DEMO_CENTRE, admin: DEMO_ADMIN }));
              out(`已创建演示中心 ${DEMO_CENTRE.name}（${DEMO_CENTRE.centreCode}）/ demo centre created`);
              out(
                `管理员账号 / admin login: ${DEMO_ADMIN.loginName}  密码 / password: ${DEMO_ADMIN.password}（仅供演示，正式使用前请修改 / demo only: change it before real use）`,
              );
            }
            const s = generateDemo(ctx, {
              cases,
              seed,
              onProgress: (done, total) => {
                if (total >= 20_000) err(`已生成 ${done}/${total} 件 / ${done} of ${total} cases`);
              },
            });
            out(
              `已生成演示数据 / demo data: 案件 ${s.cases} cases, 当事人 ${s.parties} parties, 调解员 ${s.mediators} mediators, 调解记录 ${s.sessions} sessions, ` +
                `法院委派委托 ${s.referrals} referrals, 司法确认 ${s.confirmations} confirmations, 回访 ${s.followups} follow-ups; 种子 seed ${seed}; 用时 ${s.seconds} 秒 / s`,
            );
          }),
        );
      }),
    );
}
