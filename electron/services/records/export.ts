/**
 * `export`: every record as the district would receive it, one JSON object per line. Written as a
 * stream that honours the file's back-pressure, so half a million records never sit in memory.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { iterateRecordPages, type IterateOptions } from './load';
import { RECORD_KINDS, type RecordKind, type RecordsDb } from './kinds';

export interface ExportResult {
  file: string;
  records: number;
  bytes: number;
  byKind: Record<RecordKind, number>;
}

export async function exportJsonl(db: RecordsDb, outFile: string, options: IterateOptions = {}): Promise<ExportResult> {
  const byKind = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  let records = 0;
  let bytes = 0;
  // Written beside the target and renamed at the end: a half-written export never looks complete.
  const partial = `${outFile}.part`;
  const out = fs.createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    for (const page of iterateRecordPages(db, options)) {
      let chunk = '';
      for (const rec of page) {
        chunk += `${JSON.stringify(rec)}\n`;
        byKind[rec.kind] += 1;
      }
      records += page.length;
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (e) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
  fs.renameSync(partial, outFile);
  return { file: outFile, records, bytes, byKind };
}
