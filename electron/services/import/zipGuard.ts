/**
 * What an .xlsx may hold before exceljs is let near it (issue #16). exceljs inflates the whole
 * package and builds every row in memory: a zip bomb (a few hundred KB that inflate to gigabytes)
 * or a sheet of a million rows would take the app down. So the package is inflated once here,
 * streaming, counting bytes and `<row` tags as they pass, and refused the moment either passes its
 * limit — without ever holding more than a chunk. The sizes a zip declares are not trusted.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { AppError } from '../../common/errors';

/** A hand-kept ledger of 20,000 rows inflates to ~15 MB; ten times more is still a ledger. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

const ROW_TAG = Buffer.from('<row');

/** Counts `<row` tags followed by a space, `>` or `/` (not `<rows…`, `<rowBreaks`), across chunk boundaries. */
class RowCounter {
  count = 0;
  /** The last bytes of the previous chunk: a tag split between two chunks is found in tail + head. */
  private tail = Buffer.alloc(0);

  feed(chunk: Uint8Array): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const seam = Buffer.concat([this.tail, buf.subarray(0, ROW_TAG.length)]);
    this.countIn(seam, this.tail.length);
    this.countIn(buf, 0);
    this.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - ROW_TAG.length)));
  }

  /** Tags in `b` that end at or after `minEnd` bytes in (for the seam: only those crossing into the new chunk). */
  private countIn(b: Buffer, minEnd: number): void {
    for (let i = b.indexOf(ROW_TAG); i >= 0; i = b.indexOf(ROW_TAG, i + 1)) {
      const end = i + ROW_TAG.length;
      if (end < minEnd || end >= b.length) continue; // the seam's own tags, or the byte after is not here yet
      const next = b[end];
      if (next === 0x20 || next === 0x3e || next === 0x2f) this.count++;
    }
  }
}

export function guardSpreadsheetZip(bytes: Uint8Array, fileName: string, maxRows: number): void {
  let total = 0;
  let refusal: AppError | null = null;
  const unzip = new Unzip((file) => {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    const rows = new RowCounter();
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) {
        refusal = new AppError('VALIDATION', `“${fileName}”已损坏或不是有效的 .xlsx 文件，无法读取`);
        return;
      }
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) {
        refusal = new AppError('VALIDATION', `“${fileName}”解压后超过 ${MAX_INFLATED_BYTES / 1024 / 1024} MB，不像一份台账，拒绝读取`);
        return;
      }
      if (sheet) {
        rows.feed(chunk);
        if (rows.count > maxRows) refusal = new AppError('VALIDATION', `“${fileName}”的工作表超过 ${maxRows} 行，请拆分后再导入`);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 64 * 1024;
  try {
    for (let i = 0; i < bytes.length && !refusal; i += CHUNK) unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch {
    refusal ??= new AppError('VALIDATION', `“${fileName}”已损坏或不是有效的 .xlsx 文件，无法读取`);
  }
  if (refusal) throw refusal;
}
