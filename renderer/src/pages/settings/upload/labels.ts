/** What started an upload run, as the status page says it. */
export const TRIGGERS: Record<string, string> = { schedule: '夜间自动上传', 'catch-up': '开机补传', manual: '立即上传', cli: '命令行上传' };
