/**
 * 设置 › 历史数据导入 as an administrator moving a centre in (issue #16): pick an Excel ledger, fix
 * the proposed mapping of one column, check (every row's problems listed by sheet row), import,
 * find an imported case in the case list marked 历史导入, re-import for nothing new, and undo.
 * The ledger is made here with exceljs, in the layout of a 街道 ledger (title, two header rows).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ledgerBytes, rosterSheet, streetLedger } from '../support/ledgers';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test.use({ hostSeed: 'api' });

test('管理员导入街道台账：核对并修改列、检查出每行的问题、导入后在案件中看到“历史导入”，再次导入不重复，最后整体撤销', async ({
  page,
  host,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-ledger-'));
  const file = path.join(dir, '王村街道2023台账.xlsx');
  // One bad row (an impossible date) to be listed and skipped.
  writeFileSync(
    file,
    await ledgerBytes(streetLedger([[6, '王调〔2023〕6号', '冯刚', '冯强', '', '继承', '2023.2.30', '调解成功', '', '']])),
  );

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(page).open('设置', '历史数据导入');
  await expect(page.getByRole('heading', { name: '历史数据导入' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);

  // The proposal, from the header words: 协议金额 → 涉及金额; the clerk decides not to import it.
  await expect(page.getByText('表头在第 2 行，其下共 6 行数据')).toBeVisible();
  const amount = page.getByRole('combobox', { name: '“协议金额”导入为' });
  await expect(page.locator('.ant-select', { has: amount })).toContainText('涉及金额');
  await expect(page.getByRole('cell', { name: '张建国' })).toBeVisible();
  await snap(page, 'import-mapping');
  await amount.click();
  await page.getByRole('option', { name: '（不导入）' }).click();
  await page.getByRole('button', { name: '检查' }).click();

  const figures = page.getByRole('group', { name: '检查结果' });
  await expect(figures).toContainText('可导入5');
  await expect(figures).toContainText('有错误（不导入）1');
  const bad = page.getByRole('row').filter({ hasText: '第 10 行' });
  await expect(bad).toContainText('不导入');
  await expect(bad).toContainText('受理日期');
  await snap(page, 'import-check');

  await page.getByRole('button', { name: '导入 5 件' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('已导入 5 件历史案件')).toBeVisible();
  const history = page.getByRole('row').filter({ hasText: '王村街道2023台账.xlsx' });
  await expect(history).toContainText('5');

  // The imported case is a case like any other, marked with where it came from; the amount was left out.
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const hit = (await apiCall(host, 'cases.search', { q: '王调〔2023〕1号' }, admin))[0]!;
  expect((await apiCall(host, 'cases.get', { id: hit.id }, admin)).amountFen).toBeNull();
  await page.goto(new URL(`#/cases/${hit.id}`, page.url()).toString());
  await expect(page.getByTestId('case-number')).toHaveText('王调〔2023〕1号');
  await expect(page.getByText('历史导入', { exact: true })).toBeVisible();

  // The same file again: everything recognised, nothing to import.
  await new ShellPage(page).open('设置', '历史数据导入');
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('group', { name: '检查结果' })).toContainText('重复（跳过）5');
  await expect(page.getByRole('button', { name: '没有可导入的行' })).toBeDisabled();

  // The ledger exported in the same layout holds the imported cases.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel 台账' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('牧野区非诉讼服务中心_人民调解台账.xlsx');
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(await download.path());
  expect(exported.worksheets[0]!.getRow(3).getCell(2).value).toBe('王调〔2023〕1号');

  // Undo the whole import from the list.
  await page.getByRole('button', { name: '撤销导入 王村街道2023台账.xlsx' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click();
  await expect(page.getByText(/已于 .* 撤销/)).toBeVisible();
  expect(await apiCall(host, 'cases.search', { q: '王调〔2023〕1号' }, admin)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

test('管理员导入调解员名册：系统认出是名册，检查出错误的电话，导入后名册中有新的调解员', async ({ page, host }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-roster-'));
  const file = path.join(dir, '调解员名册.xlsx');
  writeFileSync(file, await ledgerBytes(rosterSheet()));
  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(page).open('设置', '历史数据导入');
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByRole('radio', { name: '调解员名册' })).toBeChecked();
  await page.getByRole('button', { name: '检查' }).click();
  await expect(page.getByRole('group', { name: '检查结果' })).toContainText('可导入3');
  await expect(page.getByRole('row').filter({ hasText: '第 6 行' })).toContainText('联系电话');
  await page.getByRole('button', { name: '导入 3 人' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('已将 3 人加入调解员名册')).toBeVisible();
  await new ShellPage(page).open('调解员名册');
  await expect(page.getByRole('row').filter({ hasText: '何玉兰' })).toContainText('王村街道调委会');
  rmSync(dir, { recursive: true, force: true });
});
