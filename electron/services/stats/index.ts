/** 统计考核: figures for a period, the cases behind them, the key-case list, exports. */
export { computeDashboard, statsPeriod } from './dashboard';
export { casesBehind, parseKey, parseKeys } from './cases-behind';
export { keyCaseList } from './key-cases';
export { exportDocx, exportXlsx, reportDocx, reportWorkbook, REPORT_TABLES } from './exports';
export { statsSummary, summaryOf, type StatsSummary } from './summary';
