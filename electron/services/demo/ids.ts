import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Random bytes for ids, drawn from the system 64 KiB at a time: uuid's own pool refills every 16
 * ids with a syscall, which at a few million ids was a tenth of the whole demo load.
 */
const pool = new Uint8Array(65_536);
let offset = pool.length;

/**
 * A UUID v7 stamped with the moment the record came into being rather than the moment the demo
 * ran: the case timeline is ordered by audit id (core/audit.ts caseTimeline), and the upload walks
 * records in id order, so a demo case from last spring must sort where the app would have put it.
 * The random part comes from the system, not the seed, so ids differ between runs (a second demo
 * run into the same data dir must not collide with the first).
 */
export function idAt(ms: number): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return uuidv7({ msecs: Math.floor(ms), random });
}
