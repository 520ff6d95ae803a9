/**
 * The kiosk on the screens halls really have (#18): portrait 1080×1920 and 768×1366, 4:3 1280×1024,
 * landscape 1920×1080 and the short 1366×768. At each, a citizen walks every step with the touch
 * controls alone, writing the name with the pinyin pad: every button and field is inside the
 * screen, big enough and not covered, nothing scrolls sideways, and axe finds no serious or
 * critical violation. Screenshots of each step at each size are kept (tests/artifacts/screenshots).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { KioskPage } from './pages/KioskPage';

test.use({ hostSeed: 'api', hasTouch: true });

const SCREENS = [
  { width: 1080, height: 1920 },
  { width: 768, height: 1366 },
  { width: 1280, height: 1024 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

async function expectAccessible(page: Page, step: string) {
  const { violations } = await new AxeBuilder({ page }).include('[data-testid=kiosk]').analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${step}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

for (const screen of SCREENS) {
  const size = `${screen.width}x${screen.height}`;
  test.describe(size, () => {
    test.use({ viewport: screen });

    test(`自助屏在 ${screen.width}×${screen.height} 上：每一步都完整可点，拼音写姓名后登记成功`, async ({ page, host }) => {
      // Nothing the page loads is missing (the favicon used to be two 404s on every load).
      const missing: string[] = [];
      page.on('response', (r) => {
        if (r.status() === 404) missing.push(r.url());
      });
      const kiosk = new KioskPage(page);
      const check = async (step: string) => {
        await snap(page, `kiosk-${size}-${step}`);
        await kiosk.expectLaidOut();
        await expectAccessible(page, step);
      };
      await kiosk.open(host.url);
      await expect(kiosk.tiles).toHaveCount(10);
      await check('1-category');

      await kiosk.tile('劳动工资').click();
      await expect(kiosk.heading('第 2 步：您的信息')).toBeVisible();
      // The name is written with the pinyin pad alone: wang → 王, xiu → 秀, lan → 兰.
      await kiosk.writePinyin(['wang', '王'], ['xiu', '秀'], ['lan', '兰']);
      await expect(kiosk.field('您的姓名')).toHaveValue('王秀兰');
      await check('2-person-name');
      await kiosk.button('下一项').click();
      await kiosk.tapKeys('13803734321');
      await expect(kiosk.field('您的手机号码')).toHaveValue('13803734321');
      await check('2-person-phone');
      await kiosk.next.click();

      await expect(kiosk.heading('第 3 步：对方的信息')).toBeVisible();
      await check('3-other');
      await kiosk.button('不知道，跳过').click();

      await expect(kiosk.heading('第 4 步：发生了什么')).toBeVisible();
      await kiosk.writePinyin(['tuo', '拖'], ['qian', '欠'], ['gong', '工'], ['zi', '资']);
      await expect(kiosk.field('发生了什么？您希望怎样解决？')).toHaveValue('拖欠工资');
      await kiosk.field('发生了什么？您希望怎样解决？').fill('公司拖欠我三个月工资共一万二千元，希望尽快结清。');
      await check('4-story');
      await kiosk.next.click();

      await expect(kiosk.heading('第 5 步：请阅读并同意')).toBeVisible();
      await page.getByRole('checkbox', { name: /我同意/ }).click();
      await check('5-consent');
      await kiosk.submit.click();

      await expect(kiosk.queueCode).toHaveText(/^A\d{3}$/);
      await expect(page.getByRole('list', { name: '接下来' })).toContainText('留意大屏幕和广播叫号');
      await check('6-done');
      const queryCode = ((await kiosk.queryCode.textContent()) ?? '').replace('-', '');

      // Lookup: the eighth character of the code moves on to the phone digits by itself.
      await kiosk.button('完成').click();
      await kiosk.button('查询办理进度').click();
      await expect(kiosk.heading('查询办理进度')).toBeVisible();
      await kiosk.tapKeys(queryCode);
      await expect(kiosk.field('手机号码后四位')).toBeFocused();
      await kiosk.tapKeys('4321');
      await kiosk.button('查询').click();
      await expect(page.getByTestId('lookup-result')).toContainText('已登记，等待受理');
      await check('7-lookup');
      expect(missing).toEqual([]);
    });
  });
}
