import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

/** 设置 › 区级上传. */
export class UploadPage {
  readonly form: Locator;
  readonly serverUrl: Locator;
  readonly token: Locator;
  readonly tokenMasked: Locator;
  readonly changeTokenButton: Locator;
  readonly saveButton: Locator;
  readonly testButton: Locator;
  readonly connectionResult: Locator;
  readonly uploadButton: Locator;
  readonly uploadResult: Locator;
  readonly status: Locator;
  readonly lastAccepted: Locator;
  readonly pendingCount: Locator;
  readonly rejections: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: '区级上传设置' });
    this.serverUrl = this.form.getByLabel('区平台地址', { exact: true });
    this.token = this.form.getByLabel('区平台令牌', { exact: true });
    this.tokenMasked = page.getByTestId('token-masked');
    // By part of the name: antd may leave its loading icon's name in a button after a slow action.
    this.changeTokenButton = this.form.getByRole('button', { name: '更换' });
    this.saveButton = this.form.getByRole('button', { name: '保存设置' });
    this.testButton = this.form.getByRole('button', { name: '测试连接' });
    this.connectionResult = page.getByTestId('connection-result');
    this.uploadButton = page.getByRole('button', { name: '立即上传' });
    this.uploadResult = page.getByTestId('upload-result');
    this.status = page.getByTestId('upload-status');
    this.lastAccepted = page.getByTestId('last-accepted');
    this.pendingCount = page.getByTestId('pending-count');
    this.rejections = page.getByRole('main').locator('.ant-table');
  }

  async open() {
    await new ShellPage(this.page).open('设置', '区级上传');
    await expect(this.page.getByRole('heading', { name: '区级上传' })).toBeVisible();
  }

  async fillConnection(serverUrl: string, token: string) {
    await this.serverUrl.fill(serverUrl);
    await this.token.fill(token);
  }
}
