/**
 * An upload in its own process, for the test that kills it with SIGKILL mid-upload.
 * argv: dbFile serverUrl centreCode deviceId maxRecords. The token comes in the environment
 * (UPLOAD_TOKEN) so that it never shows in a process list. Each delivered batch is reported to
 * the parent over IPC.
 */
import { openDatabase } from '../../db/open';
import { runUpload } from '../../electron/services/upload/run';

const [dbFile, serverUrl, centreCode, deviceId, maxRecords] = process.argv.slice(2);
const db = openDatabase(dbFile!);
process.send?.({ type: 'started' });
const summary = await runUpload({
  db,
  serverUrl: serverUrl!,
  token: process.env.UPLOAD_TOKEN ?? '',
  centreCode: centreCode!,
  deviceId: deviceId!,
  trigger: 'cli',
  maxRecords: Number(maxRecords),
  timeoutMs: 60_000,
  onProgress: (p) => process.send?.({ type: 'progress', batchId: p.batchId }),
});
process.send?.({ type: 'done', summary });
db.close();
