/**
 * One font list (documents/fonts.ts) for the .docx and the print view: each role names the house
 * style's face, then fallbacks in the order the issue asks, and every role has a face that stock
 * Windows, 统信UOS and Debian machines have. The .docx names only faces of that list, each declared
 * in its font table with the English altName; the print view lists the whole chain.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/services/documents/builders';
import { DOC_FONTS, DOCX_FACES, cssFontFamily, type FontRole } from '../../../electron/services/documents/fonts';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';
import { twoParty } from './fixtures';
import { attrOf, child, findAll, readDocx } from './harness';

const ROLES: FontRole[] = ['title', 'body', 'heading', 'pageNumber'];
const chain = (role: FontRole) => [DOC_FONTS[role].docx, ...DOC_FONTS[role].fallbacks];

/** Faces a stock installation has (Windows 10/11 zh-CN; 统信UOS desktop; Debian with fonts-noto-cjk). */
const STOCK: Record<string, string[]> = {
  windows: ['仿宋', 'FangSong', '黑体', 'SimHei', '宋体', 'SimSun', 'SimSun-ExtB'],
  uos: ['Noto Serif CJK SC', 'Noto Sans CJK SC'],
  debian: ['Noto Serif CJK SC', 'Noto Sans CJK SC'],
};

describe('the font list', () => {
  it('names the fallbacks in the order the issue asks', () => {
    const inOrder = (role: FontRole, names: string[]) => {
      const c = chain(role);
      const at = names.map((n) => c.indexOf(n));
      expect(
        at.every((i) => i >= 0),
        `${role}: ${names.join(' → ')}`,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    };
    inOrder('title', ['方正小标宋简体', '华文中宋', 'STZhongsong', 'SimHei', 'Noto Serif CJK SC']);
    inOrder('body', ['仿宋', '仿宋_GB2312', 'FangSong', 'STFangsong', 'Noto Serif CJK SC']);
  });

  it.each(Object.keys(STOCK))('every role has a face a stock %s machine has', (platform) => {
    for (const role of ROLES)
      expect(
        chain(role).some((f) => STOCK[platform]!.includes(f)),
        `${role} on ${platform}`,
      ).toBe(true);
  });

  it('every role has a face installed on this machine (fontconfig)', () => {
    const installed = new Set(
      execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
        .split('\n')
        .flatMap((l) => l.split(','))
        .map((f) => f.trim()),
    );
    for (const role of ROLES)
      expect(
        chain(role).some((f) => installed.has(f)),
        role,
      ).toBe(true);
  });

  it('the print view lists each whole chain, quoted, ending in a generic family', () => {
    const html = renderHtml(buildDocument('agreement', twoParty()));
    for (const role of ROLES) {
      const css = cssFontFamily(role);
      expect(css.startsWith(`"${DOC_FONTS[role].docx}", `)).toBe(true);
      expect(css.endsWith(`, ${DOC_FONTS[role].generic}`)).toBe(true);
      expect(html).toContain(css);
    }
  });

  it('the .docx names only the list’s faces, each declared with its altName and the GB2312 charset', async () => {
    const docx = await readDocx(await renderDocx(buildDocument('agreement', twoParty())));
    const named = new Set(findAll(docx.document, 'w:rFonts').map((n) => attrOf(n, 'w:eastAsia')));
    named.delete(undefined);
    expect(named.size).toBeGreaterThan(0);
    for (const n of named) expect(Object.values(DOCX_FACES)).toContain(n);
    const fonts = findAll(docx.fontTable, 'w:font');
    for (const role of ROLES) {
      const f = fonts.find((x) => attrOf(x, 'w:name') === DOC_FONTS[role].docx);
      expect(f, role).toBeDefined();
      expect(attrOf(child(f, 'w:altName'), 'w:val')).toBe(DOC_FONTS[role].alt);
      expect(attrOf(child(f, 'w:charset'), 'w:val')).toBe('86');
    }
  });
});
