import { expect, type Locator, type Page } from '@playwright/test';

/** 终端配对: the screen of a browser on the LAN that is not (or no longer) a paired workstation. */
export class PairingPage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly pairButton: Locator;
  readonly host: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '终端配对' });
    const form = page.getByRole('form', { name: '终端配对' });
    this.code = form.getByLabel('配对码', { exact: true });
    this.pairButton = form.getByRole('button', { name: '配对', exact: true });
    this.host = page.getByTestId('pairing-host');
    this.refusal = page.getByTestId('device-refusal');
  }

  async expectShown() {
    await expect(this.heading).toBeVisible();
  }

  async pair(code: string) {
    await this.expectShown();
    await this.code.fill(code);
    await this.pairButton.click();
  }
}

/** 设置 › 终端管理. */
export class DevicesPage {
  readonly form: Locator;
  readonly code: Locator;
  readonly countdown: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: '生成配对码' });
    this.code = page.getByTestId('pairing-code');
    this.countdown = page.getByTestId('pairing-countdown');
    this.table = page.getByRole('table');
  }

  /** Creates a pairing code for a kind ('工作台', '自助登记机', '叫号显示屏') and a name; returns the code shown. */
  async createCode(kindLabel: string, name: string): Promise<string> {
    const before = (await this.code.isVisible()) ? await this.code.textContent() : null;
    await this.form.getByLabel('终端类型').click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(kindLabel, { exact: true }).click();
    await this.form.getByLabel('终端名称', { exact: true }).fill(name);
    await this.form.getByRole('button', { name: '生成配对码' }).click();
    await expect(this.code).toBeVisible();
    if (before) await expect(this.code).not.toHaveText(before);
    await expect(this.page.getByTestId('pairing-code-card')).toContainText(name);
    return ((await this.code.textContent()) ?? '').trim();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async revoke(name: string) {
    await this.row(name).getByRole('button', { name: '吊销' }).click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '吊销' }).click();
    await expect(this.row(name)).toContainText('已吊销');
  }
}

/** The strip every staff and display screen shows while the centre host cannot be reached. */
export const connectionBanner = (page: Page): Locator => page.getByTestId('connection-banner');
