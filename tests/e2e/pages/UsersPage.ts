import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

export interface NewUser {
  loginName: string;
  displayName: string;
  /** As shown in the role list, e.g. '人民调解员'. */
  roleLabel: string;
  password: string;
}

/**
 * 设置 › 用户管理. Buttons are found by a part of their name: after a slow action antd can leave
 * its (invisible) loading icon in the button, whose name then reads "loading 新增".
 */
export class UsersPage {
  readonly table: Locator;
  readonly addButton: Locator;
  /** The 新增用户 dialog. */
  readonly newUserDialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('main').locator('.ant-table');
    this.addButton = page.getByRole('button', { name: '新增用户' });
    this.newUserDialog = page.getByRole('dialog', { name: '新增用户' });
  }

  async open() {
    await new ShellPage(this.page).open('设置', '用户管理');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  }

  row(loginName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: loginName, exact: true }) });
  }

  /** Open 新增用户 and fill what is given (a partial fill lets a test see the form's checks). */
  async fillNewUser(u: Partial<NewUser>) {
    const d = this.newUserDialog;
    if (!(await d.isVisible())) await this.addButton.click();
    if (u.loginName !== undefined) await d.getByLabel('登录名', { exact: true }).fill(u.loginName);
    if (u.displayName !== undefined) await d.getByLabel('姓名', { exact: true }).fill(u.displayName);
    if (u.roleLabel !== undefined) {
      await d.getByLabel('角色', { exact: true }).click();
      await this.page.locator('.ant-select-dropdown:visible').getByTitle(u.roleLabel, { exact: true }).click();
    }
    if (u.password !== undefined) {
      await d.getByLabel('初始密码', { exact: true }).fill(u.password);
      await d.getByLabel('确认初始密码', { exact: true }).fill(u.password);
    }
  }

  async submitNewUser() {
    await this.newUserDialog.getByRole('button', { name: '新增' }).click();
  }

  async cancelNewUser() {
    await this.newUserDialog.getByRole('button', { name: '取消' }).click();
    await expect(this.newUserDialog).toBeHidden();
  }

  async addUser(u: NewUser) {
    await this.fillNewUser(u);
    await this.submitNewUser();
    await expect(this.newUserDialog).toBeHidden();
    await expect(this.row(u.loginName)).toBeVisible();
  }

  async resetPassword(loginName: string, password: string) {
    await this.row(loginName).getByRole('button', { name: '重置密码' }).click();
    const dialog = this.page.getByRole('dialog', { name: /重置密码/ });
    await dialog.getByLabel('新密码', { exact: true }).fill(password);
    await dialog.getByLabel('确认新密码', { exact: true }).fill(password);
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await expect(dialog).toBeHidden();
  }

  /** 解锁: lifts the login locks of a user, confirming the question. */
  async unlock(loginName: string) {
    await this.row(loginName).getByRole('button', { name: '解锁' }).click();
    await this.page.locator('.ant-popconfirm:visible').getByRole('button', { name: '解锁' }).click();
    await expect(this.row(loginName)).not.toContainText('已锁定');
  }

  /** 停用 or 启用 a user, confirming the question. */
  async setActive(loginName: string, active: boolean) {
    const label = active ? '启用' : '停用';
    await this.row(loginName).getByRole('button', { name: label }).click();
    await this.page.locator('.ant-popconfirm:visible').getByRole('button', { name: label }).click();
    await expect(this.row(loginName)).toContainText(active ? '正常' : '已停用');
  }
}
