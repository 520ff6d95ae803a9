/**
 * 设置 › 区级上传 as the centre's administrator uses it, against the district test server started
 * here on 127.0.0.1: enter the address and the token, 测试连接, save (the token is shown masked
 * from then on, never in full), 立即上传, and the status shows what the district now holds.
 *
 * Seeded over the API (not under test here): a few registered cases.
 */
import type { Page } from '@playwright/test';
import { startDistrictServer, type DistrictServer } from '../peers/district-server';
import { walkInCase } from '../support/cases';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';
import { UploadPage } from './pages/UploadPage';

test.use({ hostSeed: 'api' });

/** Back to the top before a full-page screenshot, or the sticky header is drawn mid-page. */
const top = (page: Page) => page.evaluate('window.scrollTo(0, 0)');

let server: DistrictServer;
test.beforeAll(async () => {
  server = await startDistrictServer({ seed: 29 });
});
test.afterAll(async () => {
  await server?.close();
});

test('管理员填写区平台地址和令牌，测试连接，立即上传，在状态中看到区平台收到的记录数', async ({ page, host }) => {
  const centre = SEED.centreCode;
  const token = server.tokens[centre]!;
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  for (const title of ['宅基地边界纠纷', '相邻通行纠纷', '房屋租赁合同纠纷'])
    await apiCall(host, 'cases.register', walkInCase({ title }), admin);

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  const upload = new UploadPage(page);
  await upload.open();
  await expect(upload.pendingCount).not.toHaveText('0 条');
  // Nothing to upload to yet: the button says why it cannot be used.
  await expect(upload.uploadButton).toBeDisabled();
  await expect(page.getByText('请先填写并保存区平台地址和令牌')).toBeVisible();

  // An address district-api.md forbids is refused in the form.
  await upload.serverUrl.fill('http://district.example.cn');
  await upload.testButton.click();
  await expect(upload.form.getByText('区平台地址必须使用 HTTPS')).toBeVisible();

  // A wrong token: the test says so, in Chinese.
  await upload.fillConnection(server.url, 'not-the-right-token');
  await upload.testButton.click();
  await expect(upload.connectionResult).toContainText('连接失败');
  await expect(upload.connectionResult).toContainText('令牌错误');

  await upload.fillConnection(server.url, token);
  await upload.testButton.click();
  await expect(upload.connectionResult).toContainText('连接成功');
  await expect(upload.connectionResult).toContainText('连接正常');
  await snap(page, 'upload-settings');

  await upload.saveButton.click();
  await expect(page.getByText('区级上传设置已保存')).toBeVisible();
  // From now on only the masked form, and a way to replace it.
  await expect(upload.tokenMasked).toHaveText(`已设置：${token.slice(0, 4)}${'*'.repeat(12)}${token.slice(-2)}`);
  await expect(upload.changeTokenButton).toBeVisible();
  await expect(upload.token).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  // 更换 opens an empty field; keeping the old token closes it again.
  await upload.changeTokenButton.click();
  await expect(upload.token).toHaveValue('');
  await page.getByRole('button', { name: '不更换，保留原令牌' }).click();
  await expect(upload.tokenMasked).toBeVisible();

  // The saved settings test the same way.
  await upload.testButton.click();
  await expect(upload.connectionResult).toContainText('连接成功');

  await expect(upload.uploadButton).toBeEnabled();
  await upload.uploadButton.click();
  await expect(upload.uploadResult).toContainText('上传完成', { timeout: 30_000 });
  await expect(upload.uploadResult).toContainText('与区平台核对一致');

  const held = Object.values(server.state.counts(centre)).reduce((a, n) => a + n, 0);
  expect(held).toBeGreaterThan(3);
  await expect(upload.lastAccepted).toHaveText(String(held));
  await expect(upload.status).toContainText('成功');
  await expect(upload.status).toContainText('立即上传');
  await expect(upload.status).toContainText(`区平台现存本中心记录 ${held} 条`);
  await expect(upload.pendingCount).toHaveText('0 条');
  await expect(upload.rejections).toContainText('没有被拒收的记录');
  // The next automatic upload is planned in tonight's window.
  await expect(upload.status.getByText(/\d{4}-\d{2}-\d{2} 0[1-4]:\d{2}:\d{2}/)).toBeVisible();
  expect(await page.content()).not.toContain(token);
  await top(page);
  await snap(page, 'upload-status');
});

test.describe('拒收与重新上传', () => {
  // A host of its own (the same centre, made by `cli init`), its upload settings saved over the
  // API: the first test starts from a centre with nothing set, whichever test runs first.
  test.use({ hostSeed: 'cli' });
  // And a district server of its own: records this host uploads must not be found by the first
  // test's reconciliation (same centre code, another database).
  let district: DistrictServer;
  test.beforeAll(async () => {
    district = await startDistrictServer({ seed: 29 });
  });
  test.afterAll(async () => {
    await district?.close();
  });

  test('被区平台拒收的记录显示原因，点“重新上传”后送达', async ({ page, host }) => {
    const centre = SEED.centreCode;
    const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
    await apiCall(
      host,
      'upload.settings.save',
      { serverUrl: district.url, token: district.tokens[centre]!, windowStart: '01:00', windowEnd: '05:00' },
      admin,
    );
    const c = await apiCall(host, 'cases.register', walkInCase({ title: '劳务报酬纠纷' }), admin);
    district.setFaults({ rejectIds: [c.id] });

    await page.goto(host.url);
    await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
    const upload = new UploadPage(page);
    await upload.open();
    await upload.uploadButton.click();
    await expect(upload.uploadResult).toContainText('上传未全部完成', { timeout: 30_000 });
    const row = upload.rejections.getByRole('row').filter({ hasText: c.caseNumber });
    await expect(row).toContainText('案件');
    await expect(row).toContainText('区平台拒收该记录（测试注入）');
    await top(page);
    await snap(page, 'upload-rejected');

    district.setFaults({ rejectIds: [] });
    await row.getByRole('button', { name: '重新上传' }).click();
    await expect(upload.rejections).toContainText('没有被拒收的记录', { timeout: 30_000 });
    await expect(upload.pendingCount).toHaveText('0 条', { timeout: 30_000 });
    expect(district.state.record(centre, 'case', c.id)).toMatchObject({ version: 1 });
  });
});
