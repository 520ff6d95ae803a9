/**
 * The 卷内目录's 页号 for a printer that cannot count ahead (Chromium has no target-counter()): a
 * bound file is its front (cover and contents) and its parts, each part starting a new page, so
 * where a part starts is the front's pages plus the pages of the parts before it — and each of
 * those is the page count of the part printed on its own. The printer counts; this splits and sums.
 */
import type { DocModel } from './model';

export interface BundleSections {
  /** The cover and the contents: everything before the first numbered part. */
  front: DocModel;
  /** Each part the contents refer to, as a document of its own. */
  parts: { anchor: string; model: DocModel }[];
}

export function bundleSections(model: DocModel): BundleSections {
  const starts = model.blocks.flatMap((b, i) => (b.kind === 'part' && b.anchor !== undefined ? [i] : []));
  const front: DocModel = { ...model, blocks: model.blocks.slice(0, starts[0] ?? model.blocks.length) };
  const parts = starts.map((start, k) => {
    const head = model.blocks[start]!;
    if (head.kind !== 'part' || head.anchor === undefined) throw new Error('unreachable: a part starts each section');
    return {
      anchor: head.anchor,
      model: {
        type: model.type,
        title: head.title,
        ...(head.number ? { number: head.number } : {}),
        blocks: model.blocks.slice(start + 1, starts[k + 1] ?? model.blocks.length),
      },
    };
  });
  return { front, parts };
}

/** The first page of each part, by anchor, from the page counts of the front and of each part. */
export function partStartPages(frontPages: number, parts: readonly { anchor: string; pages: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  let next = frontPages + 1;
  for (const p of parts) {
    out[p.anchor] = next;
    next += p.pages;
  }
  return out;
}

/** Pages of a PDF as Chromium writes it: its page objects (/Type /Page, not /Pages). */
export function pdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  );
}
