/**
 * Signature pages (（此页无正文）). A short block of signatures stays with the end of the content
 * (the renderers keep them together). A long block — ten parties and their agents, three
 * officials, the seal — cannot: printed as one unit its tail lands on a page of signatures alone,
 * which a court reads as a page that could have been swapped; and a block taller than two thirds
 * of a page, moved whole to the next page, may leave the page before it under a third full. Court
 * practice then puts the signatures on pages of their own, each headed （此页无正文）.
 *
 * Whether a page holds body text is only known after layout, and Word, WPS, LibreOffice and
 * Chromium break pages differently. So the decision is made here, in the model, from line counts
 * that hold in every renderer: both print the body on an exact 22-line grid (225 mm, 16 pt), a
 * signer row is its lines of text (at least two), an official's row two, the seal two, the date
 * one. A long block is cut into chunks that each fit one page with room to spare, and each chunk
 * starts a new page with the marker: true in every renderer, because a forced page break puts
 * nothing but the chunk on that page.
 */
import { keptWithNext, officialOf, type Block, type DocModel, type SignatureBlock } from './model';

/** The lines a page holds (the 22-line grid of GB/T 9704), less a safety margin of two. */
const PAGE_LINES = 20;
/**
 * The most a block (with the content kept with it) may take and still share a page. Where the
 * content ends is known only after layout: if it ends low, the block moves to the next page with
 * the kept lines, and the page it leaves must still be a third full (8 of 22 lines). That holds
 * wherever the content ends only for a block of at most 22 − 8 = 14 lines with its kept tail
 * (one line of the 15 the arithmetic allows is kept as a margin); a taller block goes on
 * signature pages of its own, as courts print them.
 */
const SHARE_LINES = 14;
/** Characters of 16 pt text a line of the signer column holds (65 % of 156 mm ≈ 18; one spare). */
const SIGNER_CHARS = 17;
/** Characters of 16 pt text a full line holds (156 mm ≈ 27.6). */
const FULL_CHARS = 27;
export const NO_BODY_TEXT = '（此页无正文）';

/** Printed width in full-width characters: ASCII and other narrow characters count half. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return w;
}

const linesOf = (s: string, chars: number): number => s.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(width(part) / chars)), 0);

interface Row {
  lines: number;
  put: (b: SignatureBlock) => void;
}

function rowsOf(block: SignatureBlock): Row[] {
  return [
    ...block.signers.map((s) => ({
      lines: Math.max(2, linesOf(s.label, SIGNER_CHARS) + linesOf(s.note, SIGNER_CHARS)),
      put: (b: SignatureBlock) => void b.signers.push(s),
    })),
    ...block.officials.map((o) => ({
      lines: Math.max(2, 1 + (officialOf(o).name !== '' ? linesOf(officialOf(o).name, FULL_CHARS) : 0)),
      put: (b: SignatureBlock) => void b.officials.push(o),
    })),
    ...(block.seal !== undefined
      ? [{ lines: Math.max(2, linesOf(block.seal, FULL_CHARS)), put: (b: SignatureBlock) => void (b.seal = block.seal) }]
      : []),
    ...(block.date !== undefined ? [{ lines: 1, put: (b: SignatureBlock) => void (b.date = block.date) }] : []),
  ];
}

/** The block's height in body lines, with the gap above it. */
export function signatureLines(block: SignatureBlock): number {
  return 1 + rowsOf(block).reduce((n, r) => n + r.lines, 0);
}

/**
 * The lines of the content the renderers keep with the block (model.ts keptWithNext): the tail of
 * the paragraph or last list item right before it — its last two lines, as widow control splits
 * a longer one — and, after a salutation (此致), that line and the whole addressee. The block
 * shares a page only if it fits there with them.
 */
function keptLines(blocks: readonly Block[], at: number): number {
  const prev = blocks[at - 1];
  if (!prev) return 0;
  const tail = (lines: number) => Math.min(2, lines);
  const salutation = at >= 2 && keptWithNext(blocks, at - 2) === 'whole' ? 1 : 0;
  switch (prev.kind) {
    case 'paragraph': {
      // Two characters of first-line indent.
      const lines = linesOf(`　　${prev.label ?? ''}${prev.text}`, FULL_CHARS);
      return salutation > 0 ? salutation + lines : tail(lines);
    }
    case 'note':
      return tail(linesOf(`　　${prev.text}`, FULL_CHARS));
    case 'list':
      return prev.items.length > 0 ? tail(linesOf(`　　${prev.items.at(-1)!.marker}${prev.items.at(-1)!.text}`, FULL_CHARS)) : 0;
    default:
      return 1;
  }
}

/** Whether the block at `at`, with the content kept with it, fits on one page. */
function shares(blocks: readonly Block[], at: number): boolean {
  const block = blocks[at];
  if (block?.kind !== 'signatures') return true;
  return block.lead !== undefined || signatureLines(block) + keptLines(blocks, at) <= SHARE_LINES;
}

/** The block as it prints: unchanged when it can share a page, else pages of its own. */
export function signaturePages(block: SignatureBlock): SignatureBlock[] {
  const pages: SignatureBlock[] = [];
  let page: SignatureBlock | null = null;
  let used = 0;
  for (const row of rowsOf(block)) {
    // The marker line and the gap under it: two lines.
    if (!page || used + row.lines > PAGE_LINES - 2) {
      page = { kind: 'signatures', lead: NO_BODY_TEXT, signers: [], officials: [] };
      pages.push(page);
      used = 0;
    }
    row.put(page);
    used += row.lines;
  }
  return pages;
}

export function paginateSignatures(model: DocModel): DocModel {
  const { blocks } = model;
  if (blocks.every((_, i) => shares(blocks, i))) return model;
  return { ...model, blocks: blocks.flatMap((b, i): Block[] => (b.kind === 'signatures' && !shares(blocks, i) ? signaturePages(b) : [b])) };
}
