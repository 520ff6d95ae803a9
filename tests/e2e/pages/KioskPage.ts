import { expect, type Locator, type Page } from '@playwright/test';

/** The citizens' self-service screen (#/kiosk), driven only through its touch controls. */
export class KioskPage {
  readonly root: Locator;
  readonly tiles: Locator;
  readonly next: Locator;
  readonly submit: Locator;
  readonly queueCode: Locator;
  readonly queryCode: Locator;
  readonly idlePrompt: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('kiosk');
    this.tiles = page.getByRole('list', { name: '纠纷类型' }).getByRole('listitem');
    this.next = page.getByRole('button', { name: '下一步', exact: true });
    this.submit = page.getByRole('button', { name: '提交登记' });
    this.queueCode = page.getByTestId('queue-code');
    this.queryCode = page.getByTestId('query-code');
    this.idlePrompt = page.getByRole('alertdialog', { name: '还在操作吗？' });
  }

  async open(hostUrl: string) {
    await this.page.goto(`${hostUrl}#/kiosk`);
    await expect(this.heading('请选择您遇到的纠纷类型')).toBeVisible();
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { name: text });
  }

  tile(title: string): Locator {
    return this.page.getByRole('listitem', { name: title });
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Taps the digits (or letters) on the on-screen keypad. */
  async tapKeys(text: string) {
    for (const ch of text) await this.root.getByRole('group').getByRole('button', { name: ch, exact: true }).click();
  }

  /** Every visible button, input and text area of the screen is at least `min` px tall. */
  async expectTouchSized(min = 64) {
    const small = await this.root.locator('button, input, textarea').evaluateAll(
      (els, m) =>
        els
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && r.height > 0)
          .filter(({ r }) => r.height < m)
          .map(
            ({ el, r }) =>
              `${el.tagName} "${(el.textContent || (el as { placeholder?: string }).placeholder || '').trim()}" ${Math.round(r.height)}px`,
          ),
      min,
    );
    expect(small, 'controls smaller than touch size').toEqual([]);
  }

  /** The body text of the screen is at least `min` px. */
  async expectLargeText(min = 24) {
    const sizes = await this.root
      .locator('p, label, .hint, .kiosk-count, .kiosk-info, .kiosk-notice')
      .evaluateAll((els) =>
        els
          .filter((el) => el.getBoundingClientRect().height > 0)
          .map((el) =>
            parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize),
          ),
      );
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(min);
  }
}
