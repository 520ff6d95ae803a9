/**
 * A DocModel as a standalone HTML print view: what Electron prints or saves as PDF, with the text
 * of the .docx (render-docx.ts) and the same page: A4, GB/T 9704 margins (top 37 mm, binding 28 mm,
 * text block 156 × 225 mm), body 16 pt 仿宋 at 22 lines, title 22 pt 小标宋.
 *
 * Fonts (fonts.ts, shared with the .docx): each stack starts with the official faces, then what Windows, macOS and Linux office
 * machines have, then Noto/Source Han CJK (Debian, 统信UOS, 麒麟) and a generic family, so
 * Chinese is never drawn as boxes where any CJK font exists. `lang="zh-CN"` makes the browser's
 * own fallback pick Simplified Chinese glyphs. SimSun-ExtB / HanaMinB cover rare characters of
 * CJK Extension B (𠀀) that the common faces lack.
 *
 * No script, no external resource: the page is safe to load in a sandboxed window.
 */
import { cssFontFamily } from './fonts';
import {
  cleanText,
  CONTENTS_HEADER,
  keptWithNext,
  numberLine,
  officialOf,
  type Block,
  type DocModel,
  type FieldRow,
  type ContentsBlock,
  type FieldsBlock,
  type SignatureBlock,
} from './model';

export interface HtmlOptions {
  /**
   * CSS placed before the document's own, e.g. @font-face rules for fonts the app ships, or new
   * values for --body-font / --title-font / --heading-font. The page's CSP loads fonts only from
   * data: and file: URLs.
   */
  fontCss?: string;
  /**
   * The page each part of a bound file starts on, by its anchor (the 卷内目录's 页号), when whoever
   * prints has counted them (part-pages.ts); without it the column is left for the clerk.
   */
  contentsPages?: Readonly<Record<string, number>>;
}

/** The CSS font-family lists, from the one font list (fonts.ts). */
export const HTML_FONT_STACKS = {
  body: cssFontFamily('body'),
  title: cssFontFamily('title'),
  heading: cssFontFamily('heading'),
  pageNumber: cssFontFamily('pageNumber'),
} as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text; a line break inside a string is a <br>, as it is a break in the .docx. */
const t = (s: string): string => escapeHtml(cleanText(s)).replace(/\n/g, '<br>');

// 28.95 pt = 225 mm / 22 lines, the .docx line pitch (LINE_TWIPS = 579 twips).
const LINE = '28.95pt';

const CSS = `
:root {
  --body-font: ${HTML_FONT_STACKS.body};
  --title-font: ${HTML_FONT_STACKS.title};
  --heading-font: ${HTML_FONT_STACKS.heading};
}
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: ${HTML_FONT_STACKS.pageNumber};
    font-size: 14pt;
    vertical-align: top;
    padding-top: 7mm;
  }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: var(--body-font); font-size: 16pt; line-height: ${LINE}; }
.doc { width: 156mm; }
h1.title { margin: 0; font-family: var(--title-font); font-size: 22pt; font-weight: bold; line-height: ${LINE}; text-align: center; }
h1.part { break-before: page; page-break-before: always; }
p { margin: 0; text-align: justify; orphans: 2; widows: 2; }
p.number { text-align: right; }
p.indent { text-indent: 2em; }
p.center { text-align: center; }
p.right { text-align: right; }
p.heading { font-family: var(--heading-font); text-indent: 2em; break-after: avoid; }
/* Kept with the signatures: its last two lines at least; its first may stay on the page before. */
p.keep { break-after: avoid; orphans: 1; widows: 2; }
/* The salutation (此致): whole, with the addressee. */
p.keep-whole { break-after: avoid; break-inside: avoid; }
b.label { font-weight: bold; }
.head-gap { height: 8pt; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; }
table.fields { margin: 0 0 8pt; font-size: 14pt; line-height: 20pt; break-inside: avoid; }
table.fields td { border: 0.5pt solid #000; padding: 0.7mm 1.8mm; vertical-align: middle; text-align: left; overflow-wrap: anywhere; }
table.fields td.label { text-align: center; }
table.fields td.caption { font-weight: bold; }
table.contents { width: 100%; border-collapse: collapse; margin: 0 0 8pt; font-size: 14pt; line-height: 20pt; }
table.contents th, table.contents td { border: 0.5pt solid #000; padding: 0.7mm 1.8mm; vertical-align: middle; text-align: left; overflow-wrap: anywhere; }
table.contents th, table.contents td.no, table.contents td.page { text-align: center; }
table.contents tr { break-inside: avoid; }
.signatures { margin-top: 8pt; break-inside: avoid; page-break-inside: avoid; }
/* A signature page: starts a new page, its first line says there is no body text on it. */
.signatures.own-page { margin-top: 0; break-before: page; page-break-before: always; }
.signatures p.lead { text-align: center; }
/* Rows never split across pages (cantSplit in the .docx). */
tr { break-inside: avoid; page-break-inside: avoid; }
/* The date sits on the last line of its signer's text, with room above to sign. */
.signatures td { padding: 0; vertical-align: bottom; }
.signatures tr.sign td { height: calc(2 * ${LINE}); }
.signatures td.date { text-align: right; white-space: nowrap; }
.signatures td.official { padding-left: 45%; }
.signatures td.seal, .signatures td.sdate { text-align: right; padding-right: 2em; }
@media screen {
  body { background: #e6e6e6; }
  .doc { box-sizing: content-box; margin: 16px auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
}
`;

function fieldsHtml(block: FieldsBlock): string {
  const row = (r: FieldRow): string => {
    const [a, b] = r;
    if (!b) return `<tr><td class="label">${t(a.label)}</td><td colspan="3">${t(a.value)}</td></tr>`;
    return `<tr><td class="label">${t(a.label)}</td><td>${t(a.value)}</td><td class="label">${t(b.label)}</td><td>${t(b.value)}</td></tr>`;
  };
  const caption = block.caption !== undefined ? `<tr><td class="caption" colspan="4">${t(block.caption)}</td></tr>` : '';
  // Column widths as in the .docx: 32 mm labels, the rest for values.
  return `<table class="fields"><colgroup><col style="width:32mm"><col><col style="width:32mm"><col></colgroup><tbody>${caption}${block.rows.map(row).join('')}</tbody></table>`;
}

/**
 * 序号 | 文书名称（日期） | 页号, as the .docx. Chromium cannot say ahead where a part will start: 页号
 * holds the pages counted by whoever prints (HtmlOptions.contentsPages), else it is left blank.
 */
function contentsHtml(block: ContentsBlock, pages: Readonly<Record<string, number>> = {}): string {
  const head = `<tr>${CONTENTS_HEADER.map((h) => `<th>${t(h)}</th>`).join('')}</tr>`;
  const page = (anchor: string | undefined) => (anchor !== undefined && pages[anchor] !== undefined ? String(pages[anchor]) : '');
  const rows = block.rows
    .map((r, i) => `<tr><td class="no">${i + 1}</td><td>${t(r.title)}</td><td class="page">${page(r.pageOf)}</td></tr>`)
    .join('');
  return `<table class="contents"><colgroup><col style="width:12%"><col><col style="width:12%"></colgroup><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** Signer | date at 65 % / 35 %, officials indented by 45 %: as SIGN_LEFT / OFFICIALS_INDENT in the .docx. */
function signaturesHtml(block: SignatureBlock): string {
  const rows = [
    // The name, then the line to sign and press a fingerprint (room to its right and above).
    ...block.signers.map((s) => `<tr class="sign"><td>${t(s.label)}<br>${t(s.note)}</td><td class="date">${t(s.date)}</td></tr>`),
    ...block.officials.map(officialOf).map((o) => {
      // The printed name under the blank after the label, where the signature goes.
      const name = o.name !== '' ? `<br><span class="name" style="padding-left:${[...o.label].length}em">${t(o.name)}</span>` : '';
      return `<tr class="sign"><td class="official" colspan="2">${t(o.label)}${name}</td></tr>`;
    }),
    ...(block.seal !== undefined ? [`<tr class="sign"><td class="seal" colspan="2">${t(block.seal)}</td></tr>`] : []),
    ...(block.date !== undefined ? [`<tr><td class="sdate" colspan="2">${t(block.date)}</td></tr>`] : []),
  ];
  const lead = block.lead !== undefined ? `<p class="lead">${t(block.lead)}</p>` : '';
  return `<div class="signatures${lead !== '' ? ' own-page' : ''}">${lead}<table><colgroup><col style="width:65%"><col></colgroup><tbody>${rows.join('')}</tbody></table></div>`;
}

function blockHtml(block: Block, kept: 'tail' | 'whole' | null, pages?: Readonly<Record<string, number>>): string {
  const k = kept === 'tail' ? ' keep' : kept === 'whole' ? ' keep-whole' : '';
  switch (block.kind) {
    case 'part':
      return `<h1 class="title part">${t(block.title)}</h1>${block.number ? `<p class="number">${t(`编号：${block.number}`)}</p>` : ''}<div class="head-gap"></div>`;
    case 'heading':
      return `<p class="heading">${t(block.text)}</p>`;
    case 'paragraph': {
      const cls = block.align === 'center' ? 'center' : block.align === 'right' ? 'right' : block.indent === false ? '' : 'indent';
      const label = block.label ? `<b class="label">${t(block.label)}</b>` : '';
      return `<p class="${cls}${k}">${label}${t(block.text)}</p>`;
    }
    case 'list':
      // Only the last item goes with the signatures, as in the .docx.
      return block.items.map((i, j) => `<p class="indent${j === block.items.length - 1 ? k : ''}">${t(i.marker + i.text)}</p>`).join('');
    case 'note':
      return `<p class="indent note${k}">${t(block.text)}</p>`;
    case 'fields':
      return fieldsHtml(block);
    case 'contents':
      return contentsHtml(block, pages);
    case 'signatures':
      return signaturesHtml(block);
  }
}

export function renderHtml(model: DocModel, opts: HtmlOptions = {}): string {
  const num = numberLine(model);
  // The end of the content goes with the signatures, unless they start a page of their own.
  const body = model.blocks.map((b, i) => blockHtml(b, keptWithNext(model.blocks, i), opts.contentsPages)).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data: file:">
<title>${t(model.title)}</title>
<style>${(opts.fontCss ?? '').replace(/<\/style/gi, '<\\/style')}
${CSS}</style>
</head>
<body>
<main class="doc">
<h1 class="title">${t(model.title)}</h1>
${num !== undefined ? `<p class="number">${t(num)}</p>` : ''}
<div class="head-gap"></div>
${body}
</main>
</body>
</html>
`;
}
