import type { Command } from 'commander';
import { setupInput } from '../../common/api/setup';
import { formatCaseNumber } from '../../common/domain/caseNumber';
import { suggestCommittee } from '../../common/domain/committee';
import { AppError } from '../../common/errors';
import { setUpCentre } from '../../services/centre';
import { action, appRunning, out, withOwnerLock, withServices } from '../support';

/** `init`: the headless first run — the same checks as the setup screen. */
export default function register(program: Command): void {
  program
    .command('init')
    .description('首次设置：创建本中心和管理员 / first run: create the centre and the first administrator')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .requiredOption('--centre-code <code>', '9 位中心代码，例如 410711001')
    .requiredOption('--centre-name <name>', '中心名称')
    .requiredOption('--admin-user <login>', '管理员登录名')
    .requiredOption('--admin-password <password>', '管理员密码（至少 8 位，含字母和数字）')
    .option('--admin-name <name>', '管理员姓名', '管理员')
    .option('--committee-name <name>', '人民调解委员会名称（默认由中心名称得出，例如 牧野区人民调解委员会）')
    .option('--committee-abbr <abbr>', '案号简称（默认由中心名称得出，例如 牧调）')
    .option('--tier <tier>', '层级 village | town | district', 'district')
    .option('--address <address>', '地址')
    .option('--phone <phone>', '电话')
    .action(
      action(async (o: Record<string, string | undefined>) => {
        // Without them, the committee and the case numbers carry the centre's place, as the setup screen suggests.
        const suggested = suggestCommittee(o.centreName ?? '');
        const parsed = setupInput.safeParse({
          centre: {
            centreCode: o.centreCode,
            name: o.centreName,
            tier: o.tier,
            address: o.address,
            phone: o.phone,
            committeeName: o.committeeName ?? suggested.name,
            committeeAbbr: o.committeeAbbr ?? suggested.abbr,
          },
          admin: { loginName: o.adminUser, displayName: o.adminName, password: o.adminPassword },
        });
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
          throw new AppError('VALIDATION', issues);
        }
        await withOwnerLock(o.dataDir, 'init', appRunning('初始化', 'run init'), () =>
          withServices(o.dataDir, (ctx) => {
            const centre = setUpCentre(ctx, parsed.data);
            out(`已创建中心 ${centre.name}（${centre.centreCode}），管理员 ${parsed.data.admin.loginName} / centre created`);
            out(
              `人民调解委员会：${centre.committeeName}，案号如 ${formatCaseNumber({ year: new Date().getFullYear(), abbr: centre.committeeAbbr, serial: 1 })}`,
            );
          }),
        );
      }),
    );
}
