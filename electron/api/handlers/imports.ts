import type { importOps } from '../../common/api/imports';
import type { LedgerField } from '../../common/domain';
import { listImportBatches } from '../../services/import/batches';
import { inspectLedgerFile, openLedgerSheet } from '../../services/import/ledgerFile';
import { exportLedger } from '../../services/import/ledgerExport';
import { importLedger, previewLedgerImport } from '../../services/import/ledgerImport';
import { planLedger } from '../../services/import/ledgerPlan';
import { undoImport } from '../../services/import/undo';
import type { Handlers } from '../handler';

const bytesOf = (file: { contentBase64: string }): Uint8Array => new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
const mappingOf = (m: Record<string, LedgerField>): Record<number, LedgerField> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [Number(k), v]));

async function planOf(input: { file: { fileName: string; contentBase64: string }; sheet: string; mapping: Record<string, LedgerField> }) {
  const s = await openLedgerSheet({
    bytes: bytesOf(input.file),
    fileName: input.file.fileName,
    sheet: input.sheet,
    mapping: mappingOf(input.mapping),
  });
  return { sheet: s.sheet, plan: planLedger(s.table, s.mapping) };
}

const view = <T extends { problems: readonly unknown[] }>(r: T) => ({ ...r, problems: [...r.problems] }) as T & { problems: never[] };

export const importHandlers: Handlers<typeof importOps> = {
  'import.inspect': async (input) => {
    const r = await inspectLedgerFile({ bytes: bytesOf(input.file), fileName: input.file.fileName, sheet: input.sheet });
    return {
      ...r,
      sheets: [...r.sheets],
      headers: [...r.headers],
      mapping: Object.fromEntries(Object.entries(r.mapping).map(([k, v]) => [String(k), v])),
      sample: r.sample.map((row) => [...row]),
    };
  },
  'import.check': async (input, { app }) => view(previewLedgerImport(app.ctx, (await planOf(input)).plan)),
  'import.run': async (input, { app, actor }) => {
    const { sheet, plan } = await planOf(input);
    return view(importLedger(app.ctx, actor, plan, { fileName: input.file.fileName, sheet }));
  },
  'import.batches': (_input, { app }) => listImportBatches(app.ctx),
  'import.exportLedger': (input, { app }) => exportLedger(app.ctx, input),
  'import.undo': (input, { app, actor }) => undoImport(app.ctx, actor, input.batchId),
};
