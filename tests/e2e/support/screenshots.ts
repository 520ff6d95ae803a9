import path from 'node:path';
import type { Page } from '@playwright/test';
import { screenshotDir } from './paths';

/** Save a key screen as tests/artifacts/screenshots/<name>.png, after fonts and animations settle. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate('document.fonts.ready');
  // From the top: fixed and sticky parts (the header, the nav, the connection banner) then sit where a user sees them.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}
