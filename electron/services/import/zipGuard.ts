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

const ROW_TAG = [0x3c, 0x72, 0x6f, 0x77]; // "<row"

class RowCounter {
  count = 0;
  private matched = 0;
  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === ROW_TAG[this.matched]) {
        this.matched++;
        if (this.matched === ROW_TAG.length) {
          // "<rows" or "<rowBreaks" are not rows: the byte after the tag decides, counted when it comes.
          this.matched = -1;
        }
      } else if (this.matched === -1) {
        if (b === 0x20 || b === 0x3e || b === 0x2f) this.count++;
        this.matched = b === ROW_TAG[0] ? 1 : 0;
      } else {
        this.matched = b === ROW_TAG[0] ? 1 : 0;
      }
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
