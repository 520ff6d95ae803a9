/**
 * 设置 › 数据与备份: the data dir's free space (a warning every signed-in user sees), the backups
 * in backups/, and restoring one of them — or an uploaded file — in the running app. The running
 * app owns its data dir, so this page, not the CLI, is where a restore happens while it runs.
 */
import { z } from 'zod';
import { op } from './contract';

export interface DataStatusView {
  freeBytes: number;
  totalBytes: number;
  /** Free space is low: `warning` says so in Chinese. */
  low: boolean;
  warning: string | null;
  /** A write was refused for lack of space (ISO time), until space is freed. */
  diskFullAt: string | null;
}

export interface BackupView {
  name: string;
  bytes: number;
  modifiedAt: string;
}

export interface BackupsView {
  dataDir: string;
  backups: BackupView[];
}

export interface RestoreView {
  restoredFrom: string;
  safetyCopy: string | null;
}

/** An uploaded database travels as base64 in the API's JSON body (12 MiB at most): about 8 MiB of file. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export const restoreInput = z.union([
  z.object({ backup: z.string().trim().min(1, '请选择一个备份').max(160, '备份文件名过长') }).strict(),
  z
    .object({
      upload: z
        .object({
          fileName: z.string().trim().min(1).max(200),
          contentBase64: z
            .string()
            .min(1, '文件为空')
            .max(
              Math.ceil(MAX_UPLOAD_BYTES / 3) * 4,
              `文件过大：上传恢复最多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB；更大的备份请放入数据目录的 backups 文件夹后从列表中选择`,
            )
            .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容格式错误'),
        })
        .strict(),
    })
    .strict(),
]);

export const dataOps = {
  'data.status': op<DataStatusView>()({ input: z.object({}).optional(), access: 'signed-in', title: '查看磁盘空间' }),
  'data.backups': op<BackupsView>()({ input: z.object({}).optional(), access: ['admin'], title: '查看备份' }),
  'data.restore': op<RestoreView>()({ input: restoreInput, access: ['admin'], title: '恢复备份' }),
};
