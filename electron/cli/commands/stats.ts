import fs from 'node:fs';
import type { Command } from 'commander';
import { CATEGORIES } from '../../common/domain/categories';
import { LAST_DAY } from '../../common/domain/dates';
import { OUTCOME_LABELS, STATUS_LABELS } from '../../common/domain/lifecycle';
import { formatYuan } from '../../common/domain/money';
import { SOURCES } from '../../common/domain/sources';
import { TIER_LABELS } from '../../common/domain/tiers';
import { AppError } from '../../common/errors';
import { formatRate } from '../../common/stats/definitions';
import { resolvePeriod, yearToDate, type Period } from '../../common/stats/period';
import { localDate } from '../../services/core/clock';
import { dataPaths } from '../../services/data-dir';
import { statsSummary, type StatsSummary } from '../../services/stats';
import { action, out, withServices } from '../support';

/**
 * The period from the options: both given, or the missing end filled in — no --from: 1 January of
 * the end's year; no --to: today. Neither: this calendar year to date.
 */
export function cliPeriod(o: { from?: string; to?: string }, today: string): Period {
  if (!o.from && !o.to) return yearToDate(today);
  const to = o.to ?? today;
  const from = o.from ?? `${to.slice(0, 4)}-01-01`;
  // Validate here too, so a bad date never opens the database.
  resolvePeriod({ from, to }, today);
  return { from, to };
}

function printText(s: StatsSummary) {
  const lines: string[] = [];
  const counts = (title: string, obj: Record<string, number>, labels: Record<string, string>) => {
    const parts = Object.entries(obj)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${labels[k] ?? k} ${n}`);
    lines.push(`${title}：${parts.length > 0 ? parts.join('，') : '无'}`);
  };
  lines.push(`统计期间 / period: ${s.period.label}（${s.period.from} 至 ${s.period.to}）`);
  for (const n of s.notes) lines.push(n);
  lines.push(
    `受理（登记）/ total: ${s.total}　受理调解: ${s.accepted}　调解: ${s.mediated}　成功: ${s.successful}　成功率: ${formatRate(s.successRate)}`,
  );
  lines.push(`协议涉及金额: ${formatYuan(s.amountFen)} 元　逾期: ${s.overdue}　就地化解率: ${formatRate(s.resolvedAtTier)}`);
  lines.push(
    `法院委派: ${s.courtReferrals.delegated}　委托: ${s.courtReferrals.entrusted}　申请司法确认: ${s.confirmations.applied}　确认有效: ${s.confirmations.granted}　协议已履行: ${s.agreementsPerformed}`,
  );
  counts('按类型', s.byCategory, Object.fromEntries(CATEGORIES.map((c) => [c.code, c.label])));
  counts('按来源', s.bySource, Object.fromEntries(SOURCES.map((c) => [c.code, c.label])));
  counts('按层级', s.byTier, TIER_LABELS);
  counts('按状态', s.byStatus, STATUS_LABELS);
  counts('按结果', s.byOutcome, OUTCOME_LABELS);
  for (const l of lines) out(l);
}

/**
 * `stats`: the figures of a period. With --json it prints ONE JSON object whose names are a
 * contract others script against (services/stats/summary.ts):
 *   period, total, byCategory, bySource, byTier, byStatus, byOutcome, successRate, overdue,
 *   courtReferrals {delegated, entrusted}, confirmations {applied, granted}, resolvedAtTier, …
 * `total` counts the cases registered in the period (registeredAt's local day from --from to --to,
 * both inclusive) that are not deleted: the same cases as the non-deleted `case` records of
 * `export` whose data.registeredAt falls in the period, broken down by the same codes.
 */
export default function register(program: Command): void {
  program
    .command('stats')
    .description('统计考核：某一期间的各项指标 / figures for a period')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .option('--from <date>', '开始日期 YYYY-MM-DD（默认：本年1月1日）')
    .option('--to <date>', '结束日期 YYYY-MM-DD（默认：今日）')
    .option('--json', '以一个 JSON 对象输出 / print one JSON object')
    .action(
      action(async (o: { dataDir: string; from?: string; to?: string; json?: boolean }) => {
        // The options are checked before the data dir; "today" (the default end) then comes from the clock.
        cliPeriod(o, LAST_DAY);
        if (!fs.existsSync(dataPaths(o.dataDir).database))
          throw new AppError('DATA_DIR', `数据目录中没有数据库：${o.dataDir} / no database in the data dir`);
        await withServices(o.dataDir, (ctx) => {
          const period = cliPeriod(o, localDate(ctx.clock.now()));
          const s = statsSummary(ctx, period);
          if (o.json) out(JSON.stringify(s));
          else printText(s);
        });
      }),
    );
}
