import type { statsOps } from '../../common/api/stats';
import { casesBehind, computeDashboard, exportDocx, exportXlsx, keyCaseList } from '../../services/stats';
import type { Handlers } from '../handler';

/** 统计考核: read-only figures; the exports return files as base64 for the renderer to save. */
export const statsHandlers: Handlers<typeof statsOps> = {
  'stats.dashboard': (input, { app }) => computeDashboard(app.ctx, input),
  'stats.cases': (input, { app }) => casesBehind(app.ctx, input),
  'stats.keyCaseList': (input, { app }) => keyCaseList(app.ctx, input.period, input.page, input.pageSize),
  'stats.exportXlsx': (input, { app }) => exportXlsx(app.ctx, input.table, input.period),
  'stats.exportDocx': (input, { app }) => exportDocx(app.ctx, input.report, input.period),
};
