import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in window: header (centre, user menu) and the left navigation. */
export class ShellPage {
  readonly centreName: Locator;
  readonly userButton: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.centreName = page.getByTestId('centre-name');
    this.userButton = page.getByTestId('current-user');
    this.nav = page.getByRole('menu', { name: '主导航' });
  }

  async expectShown() {
    await expect(this.nav).toBeVisible();
  }

  /** The labels of the navigation's top level (areas), in order. */
  async areaLabels(): Promise<string[]> {
    return this.nav
      .locator(':scope > li')
      .evaluateAll((els) =>
        els.map((el) => el.querySelector('.ant-menu-title-content')?.textContent?.trim() ?? '').filter((t) => t !== ''),
      );
  }

  /** The sub-page labels under an area (e.g. 设置 → 用户管理, 系统设置, 本机信息); [] for an area without pages. */
  async pageLabels(area: string): Promise<string[]> {
    // Let the landing page settle first: arriving in an area opens its sub-menu by itself.
    await expect(this.heading()).toBeVisible();
    const title = this.navItem(area);
    if ((await title.getAttribute('aria-expanded')) === 'false') {
      await title.click();
      await expect(title).toHaveAttribute('aria-expanded', 'true');
    }
    const sub = this.nav
      .locator(':scope > li.ant-menu-submenu')
      .filter({ has: this.page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${area}$`) }) });
    if ((await sub.count()) === 0) return [];
    await expect(sub.locator('ul li.ant-menu-item').first()).toBeVisible();
    return (await sub.locator('ul li.ant-menu-item').allInnerTexts()).map((s) => s.trim());
  }

  /** A nav entry by its label (an area's accessible name also holds its icon's name, hence the pattern). */
  navItem(label: string): Locator {
    return this.nav.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) });
  }

  /** Open an area, or one of its pages: open('设置', '用户管理'). */
  async open(area: string, page?: string) {
    await this.expectShown();
    if (page) {
      // Arriving in an area unfolds its sub-menu by itself, so a click on the area may fold it
      // again: click until the page's entry shows.
      const item = this.navItem(page);
      await expect(async () => {
        if (!(await item.isVisible())) await this.navItem(area).click();
        await expect(item).toBeVisible({ timeout: 1000 });
      }).toPass();
      await item.click();
    } else {
      await this.navItem(area).click();
    }
  }

  async openUserMenu() {
    await this.userButton.click();
  }

  async logout() {
    await this.openUserMenu();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
  }

  async changePassword(oldPassword: string, newPassword: string) {
    await this.openUserMenu();
    await this.page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = this.page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByLabel('原密码', { exact: true }).fill(oldPassword);
    await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
    await dialog.getByLabel('确认新密码', { exact: true }).fill(newPassword);
    await dialog.getByRole('button', { name: '保存新密码' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The page heading of whatever is open. */
  heading(): Locator {
    return this.page.getByRole('main').getByRole('heading').first();
  }
}
