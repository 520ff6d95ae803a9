import { expect, type Locator, type Page } from '@playwright/test';

/** 登录. */
export class LoginPage {
  readonly form: Locator;
  readonly loginName: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;
  /** The page's message: the server's error, or why the page is shown (timed out, signed out). */
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: '登录' });
    this.loginName = this.form.getByLabel('登录名', { exact: true });
    this.password = this.form.getByLabel('密码', { exact: true });
    // By type, not name: after a slow try antd can leave its invisible loading icon in the name.
    this.submitButton = this.form.locator('button[type="submit"]');
    this.message = this.form.getByRole('alert');
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: '登录', exact: true })).toBeVisible();
  }

  async login(loginName: string, password: string) {
    await this.loginName.fill(loginName);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  async expectMessage(text: string | RegExp) {
    await expect(this.message).toContainText(text);
  }
}
