/**
 * The document model: what a printed A4 document says, in reading order, as plain JSON.
 *
 * Both renderings (render-docx.ts, render-html.ts) are built from it and nothing else, so the .docx
 * and the print view carry the same text; `modelText` is that text, and the content hash of the
 * canonical JSON is what the document register stores (DESIGN.md "Printing").
 *
 * Every visible string lives in the model — the renderers add layout, never words — so a change of
 * wording changes the hash. Builders (builders/) decide the words; renderers only the looks.
 */
import { createHash } from 'node:crypto';
import { DOC_TYPE_TITLES } from '../../common/api/documents';
import { stripUnsafeChars } from '../../common/text';

/** Stable type codes (stored in the register) with the titles people know them by: the one table. */
export const DOCUMENT_TYPES = DOC_TYPE_TITLES;

export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as DocumentType[];

export function isDocumentType(s: unknown): s is DocumentType {
  return typeof s === 'string' && Object.hasOwn(DOCUMENT_TYPES, s);
}

/** A section heading inside the body (一、…). */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

/** Body text; `label` is printed bold in front of it ("纠纷主要事实、争议事项："). */
export interface ParagraphBlock {
  kind: 'paragraph';
  label?: string;
  text: string;
  /** Default 'justify'. */
  align?: 'justify' | 'center' | 'right';
  /** First-line indent of two characters; default true (false for 此致 / the court's name). */
  indent?: boolean;
}

/** Numbered items. Markers are part of the data ("一、", "1．") so every rendering shows the same. */
export interface ListBlock {
  kind: 'list';
  items: ListItem[];
}
export interface ListItem {
  marker: string;
  text: string;
}

export interface FieldCell {
  label: string;
  value: string;
}

/** A bordered key-value table (party blocks, form headers). One or two label/value pairs a row. */
export interface FieldsBlock {
  kind: 'fields';
  /** Printed as the table's first, full-width row ("申请人", "委托代理人"). */
  caption?: string;
  rows: FieldRow[];
}
export type FieldRow = [FieldCell] | [FieldCell, FieldCell];

/**
 * One party's place to sign: "申请人：张三" and under it "签名（捺印）：" with room to sign and press
 * a fingerprint, its date on the right. A company's line asks for its seal and the signature of
 * its 法定代表人 or 委托代理人.
 */
export interface Signer {
  label: string;
  note: string;
  date: string;
}

/** An official's signature line ("人民调解员（签名）：") with the printed name under it. */
export interface Official {
  label: string;
  /** Printed under the line where they sign; '' when nobody is named yet. */
  name: string;
}

/** Models stored before officials carried names hold plain labels: read both. */
export function officialOf(o: Official | string): Official {
  return typeof o === 'string' ? { label: o, name: '' } : o;
}

/**
 * The signature area, printed as one unit that never splits across pages when it fits on one:
 * a line per party and agent on the left with its date, then the officials ("人民调解员（签名）：")
 * on the right, then the committee's seal text and the date at the bottom right.
 */
export interface SignatureBlock {
  kind: 'signatures';
  /**
   * Set on a signature page (signature-pages.ts): the block starts a new page and prints this line
   * ("（此页无正文）") at its top, as court practice marks a page that holds signatures only.
   */
  lead?: string;
  signers: Signer[];
  officials: (Official | string)[];
  /** "XX人民调解委员会（印）": where the seal goes (人民调解法 Art. 29 ¶2). */
  seal?: string;
  date?: string;
}

/**
 * The 卷内目录: 序号 | 文书名称（日期） | 页号, under a header row. 页号 is where each document starts
 * in the bound file: a PAGEREF to the part's bookmark in the .docx (filled in by the word
 * processor); on the cover alone, and in the print view (Chromium cannot count pages ahead), left
 * for the clerk to write in.
 */
export interface ContentsBlock {
  kind: 'contents';
  rows: { title: string; pageOf?: string }[];
}

export const CONTENTS_HEADER = ['序号', '文书名称（日期）', '页号'] as const;

/** A notice set apart from the body (smaller emphasis), e.g. the 司法确认 note. */
export interface NoteBlock {
  kind: 'note';
  text: string;
}

/**
 * The start of another document inside a bundle (the whole case file, 卷内目录 after the cover):
 * always on a new page, with that document's title and number as its own first page would show.
 */
export interface PartBlock {
  kind: 'part';
  title: string;
  number?: string;
  /** A name the contents refer to (a ContentsBlock row's pageOf): a bookmark on the title in the .docx. */
  anchor?: string;
}

export type Block = PartBlock | HeadingBlock | ParagraphBlock | ListBlock | FieldsBlock | ContentsBlock | SignatureBlock | NoteBlock;

export interface DocModel {
  type: DocumentType;
  title: string;
  /** The document's number, printed at the right under the title as "编号：…". */
  number?: string;
  blocks: Block[];
}

/**
 * XML 1.0 cannot carry C0 controls (other than tab and newline), U+FFFE/U+FFFF or lone surrogates:
 * one stray character pasted into a name would make the .docx unreadable. Builders clean every
 * string; the renderers and modelText clean again so the three stay identical even for a
 * hand-made model.
 */
export function cleanText(s: string): string {
  // Text stored before the contract stripped controls and direction overrides still prints clean.
  return stripUnsafeChars(s.replace(/\r\n?/g, '\n').replace(/\t/g, ' '));
}

export function numberLine(model: DocModel): string | undefined {
  return model.number ? `编号：${cleanText(model.number)}` : undefined;
}

/**
 * The text units of a block in reading order: one per printed paragraph or table cell, exactly as
 * both renderers print them (tests/integration/documents compares all three).
 */
export function blockLines(block: Block): string[] {
  const lines = ((): string[] => {
    switch (block.kind) {
      case 'part':
        return [block.title, ...(block.number ? [`编号：${block.number}`] : [])];
      case 'heading':
      case 'note':
        return [block.text];
      case 'paragraph':
        return [(block.label ?? '') + block.text];
      case 'list':
        return block.items.map((i) => i.marker + i.text);
      case 'fields':
        return [
          ...(block.caption !== undefined ? [block.caption] : []),
          ...block.rows.flatMap((r) => r.flatMap((c) => [c.label, c.value])),
        ];
      case 'contents':
        // The page numbers are no text of the model: they depend on the layout.
        return [...CONTENTS_HEADER, ...block.rows.flatMap((r, i) => [`${i + 1}`, r.title])];
      case 'signatures':
        return [
          ...(block.lead !== undefined ? [block.lead] : []),
          ...block.signers.flatMap((s) => [s.label + s.note, s.date]),
          ...block.officials.map(officialOf).flatMap((o) => (o.name !== '' ? [o.label, o.name] : [o.label])),
          ...(block.seal !== undefined ? [block.seal] : []),
          ...(block.date !== undefined ? [block.date] : []),
        ];
    }
  })();
  return lines.map(cleanText);
}

/** The salutation of a letter (申请书, 告知书): it never ends a page apart from the addressee under it. */
export const SALUTATION = '此致';

/**
 * What the renderers keep on the page of the block after it (the same rule in both):
 * - 'tail': the content right before a signature block that shares its page — its last lines at
 *   least, so the block never stands alone; a long paragraph may leave its first lines on the
 *   page before, which would otherwise end a third full;
 * - 'whole': the salutation (此致), kept whole with the addressee;
 * - null: nothing (a signature page of its own starts with a page break).
 */
export function keptWithNext(blocks: readonly Block[], i: number): 'tail' | 'whole' | null {
  const block = blocks[i];
  const next = blocks[i + 1];
  if (next?.kind === 'signatures' && next.lead === undefined) return 'tail';
  if (block?.kind === 'paragraph' && cleanText(block.text).trim() === SALUTATION && next !== undefined) return 'whole';
  return null;
}

/** The plain text of the document in reading order: the one text both renderings must show. */
export function modelText(model: DocModel): string {
  const head = [cleanText(model.title), numberLine(model)];
  return [...head, ...model.blocks.flatMap(blockLines)].filter((l): l is string => l !== undefined && l !== '').join('\n');
}

/** JSON with object keys sorted and undefined members dropped: the same model, the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 (hex) of the canonical JSON: the register's content hash (db/schema.ts documents.contentHash). */
export function contentHash(model: DocModel): string {
  return createHash('sha256').update(canonicalJson(model), 'utf8').digest('hex');
}
