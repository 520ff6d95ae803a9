import { expect, type Locator, type Page } from '@playwright/test';

interface PageElement {
  tagName: string;
  textContent: string | null;
  placeholder?: string;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number };
  contains(other: PageElement): boolean;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
interface BrowserWindow {
  innerWidth: number;
  innerHeight: number;
  document: {
    documentElement: PageElement;
    querySelector(selector: string): PageElement | null;
    elementFromPoint(x: number, y: number): PageElement | null;
  };
}

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

  /** Writes Chinese with the pinyin pad only: each [letters, character] is typed, then chosen from the bar. */
  async writePinyin(...syllables: [string, string][]) {
    const letters = this.root.getByRole('group', { name: '拼音字母' });
    const bar = this.root.getByRole('group', { name: '候选字' });
    for (const [typed, ch] of syllables) {
      for (const l of typed) await letters.getByRole('button', { name: l, exact: true }).click();
      const candidate = bar.getByRole('button', { name: `选字 ${ch}`, exact: true });
      // Pages on through the bar as a citizen would, up to ten pages.
      for (let page = 0; page < 10 && !(await candidate.isVisible()); page++)
        await bar.getByRole('button', { name: '下一页候选字' }).click();
      await candidate.click();
    }
  }

  /**
   * What a citizen can touch is really there at this screen size: every visible button and field is
   * inside the screen, at least `min` px in both directions, and the topmost element at its centre
   * (nothing lies over it); the page does not scroll sideways; tile names and step pills are whole.
   */
  async expectLaidOut(min = 60) {
    const problems = await this.page.evaluate((m) => {
      // The tests compile without the DOM library: the little of it used here, typed by hand.
      const { document, innerWidth: w, innerHeight: h } = globalThis as unknown as BrowserWindow;
      const out: string[] = [];
      if (document.documentElement.scrollWidth > w) out.push(`page is ${document.documentElement.scrollWidth}px wide on a ${w}px screen`);
      const root = document.querySelector('[data-testid=kiosk]')!;
      const name = (el: PageElement) =>
        `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || el.placeholder || '').trim().slice(0, 20)}"`;
      for (const el of root.querySelectorAll('button, input, textarea')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) out.push(`${name(el)} outside the screen`);
        else {
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (!hit || !(hit === el || el.contains(hit))) out.push(`${name(el)} covered by ${hit ? name(hit) : 'nothing'}`);
        }
        if (r.height < m - 0.5 || r.width < m - 0.5) out.push(`${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)}px`);
      }
      for (const el of root.querySelectorAll('.kiosk-tile, .kiosk-steps > span')) {
        const r = el.getBoundingClientRect();
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          out.push(`${name(el)} is cut: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        if (r.right > w + 0.5 || r.left < -0.5) out.push(`${name(el)} outside the screen`);
      }
      return out;
    }, min);
    expect(problems, 'touch layout').toEqual([]);
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
