/**
 * 设置 › 数据与备份 as the administrator uses it (issue 12 item 2): the running app lists its
 * backups with date and size and restores one by itself — the current database is kept in the
 * list, everyone signs in again, and what was registered after the backup is gone from view.
 *
 * Seeded over the API (not under test here): a case, an online backup with `cli backup` to a file
 * outside the data dir (allowed while the app runs), then a case registered after it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { walkInCase } from '../support/cases';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { repoRoot } from './support/paths';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test.use({ hostSeed: 'api' });

test('管理员在“数据与备份”中看到备份的时间和大小，上传一个备份文件恢复：当前数据库另存为备份，所有人重新登录，备份之后登记的案件不在恢复后的数据中', async ({
  page,
  host,
}) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  await apiCall(host, 'cases.register', walkInCase({ title: '备份前登记的纠纷' }), admin);
  // An online backup to a file outside the data dir works while the app runs.
  const outside = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-backup-'));
  const file = path.join(outside, '中心备份.sqlite');
  // Not spawnSync: a blocked event loop misses the host closing an idle keep-alive connection,
  // and the next fetch would reuse the dead socket.
  const r = await promisify(execFile)('npx', ['tsx', 'electron/cli/index.ts', 'backup', '--data-dir', host.dataDir, '--out', file], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(r.stdout).toContain('已备份到');
  await apiCall(host, 'cases.register', walkInCase({ title: '备份后登记的纠纷' }), admin);
  // The daily backup the host takes at start is listed.
  await expect.poll(async () => (await apiCall(host, 'data.backups', {}, admin)).backups.length).toBeGreaterThan(0);
  const [daily] = (await apiCall(host, 'data.backups', {}, admin)).backups;

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(page).open('设置', '数据与备份');
  await expect(page.getByRole('heading', { name: '数据与备份' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: daily!.name });
  await expect(row).toContainText('每日自动备份');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(row).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(page.getByText('可用空间')).toBeVisible();
  await snap(page, 'settings-data');

  await page.locator('input[type="file"]').setInputFiles(file);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('从备份恢复数据？');
  await expect(dialog).toContainText('中心备份.sqlite');
  await dialog.getByRole('button', { name: '恢复', exact: false }).click();

  // Everyone signs in again; the login page says what happened.
  await new LoginPage(page).expectShown();
  await expect(page.getByText(/已从备份“uploaded-.*\.sqlite”恢复/)).toBeVisible();
  await expect(apiCall(host, 'cases.list', {}, admin)).rejects.toThrow(/UNAUTHENTICATED/);

  const again = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const titles = (await apiCall(host, 'cases.list', {}, again)).rows.map((c) => c.title);
  expect(titles).toContain('备份前登记的纠纷');
  expect(titles).not.toContain('备份后登记的纠纷');
  const names = (await apiCall(host, 'data.backups', {}, again)).backups.map((b) => b.name);
  expect(names.some((n) => n.startsWith('pre-restore-'))).toBe(true);
  rmSync(outside, { recursive: true, force: true });
});
