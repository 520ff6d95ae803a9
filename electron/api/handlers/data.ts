import fs from 'node:fs';
import path from 'node:path';
import type { dataOps } from '../../common/api/data';
import { AppError } from '../../common/errors';
import { backupPath, listBackups, newBackupFile } from '../../services/backup';
import { PRIVATE_FILE_MODE } from '../../services/data-dir';
import type { Handlers } from '../handler';

/** SQLite's file header: an uploaded file that does not start with it is refused before it is written. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export const dataHandlers: Handlers<typeof dataOps> = {
  'data.status': (_input, { app }) => {
    const s = app.data.status();
    return {
      freeBytes: s.disk.freeBytes,
      totalBytes: s.disk.totalBytes,
      low: s.disk.low,
      warning: s.disk.warning,
      diskFullAt: s.diskFullAt,
    };
  },
  'data.backups': (_input, { app }) => ({ dataDir: app.ctx.paths.root, backups: listBackups(app.ctx.paths.backups) }),
  'data.restore': (input, { app, actor }) => {
    let from: string;
    let uploaded = false;
    if ('backup' in input) {
      from = backupPath(app.ctx.paths.backups, input.backup);
    } else {
      const bytes = Buffer.from(input.upload.contentBase64, 'base64');
      if (bytes.length < 512 || !bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
        throw new AppError('REFUSED', '拒绝恢复：上传的文件不是 SQLite 数据库。当前数据未被改动。');
      }
      // Kept in backups/ under a name of our own: the upload is then one of the listed backups.
      from = newBackupFile(app.ctx.paths.backups, 'uploaded', app.ctx.clock.now());
      fs.writeFileSync(from, bytes, { mode: PRIVATE_FILE_MODE });
      uploaded = true;
    }
    app.ctx.logger.info('restore requested', { by: actor.id, from: path.basename(from) });
    try {
      return app.data.restore(from);
    } catch (e) {
      // A refused upload is not kept: it would be listed as a backup one could pick.
      if (uploaded) fs.rmSync(from, { force: true });
      throw e;
    }
  },
};
