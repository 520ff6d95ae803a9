import type { importOps, ImportField } from '../../common/api/imports';
import type { SheetKind } from '../../common/domain';
import { listImportBatches } from '../../services/import/batches';
import { exportLedger } from '../../services/import/ledgerExport';
import { inspectLedgerFile, openLedgerSheet, planSheet } from '../../services/import/ledgerFile';
import { importLedger, previewLedgerImport, type ImportOutcome } from '../../services/import/ledgerImport';
import { importRoster, previewRosterImport } from '../../services/import/rosterImport';
import { undoImport } from '../../services/import/undo';
import { localDate } from '../../services/core/clock';
import type { Actor, ServiceContext } from '../../services/core/context';
import type { Handlers } from '../handler';

type FileInput = { fileName: string; contentBase64: string };
type CheckInput = { file: FileInput; sheet: string; kind: SheetKind; mapping: Record<string, ImportField> };

const bytesOf = (file: FileInput): Uint8Array => new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
const mappingOf = (m: Record<string, ImportField>): Record<number, ImportField> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [Number(k), v]));

/** Read, check and (with `write`) import one sheet, as a ledger of cases or as a roster. */
async function runSheet(ctx: ServiceContext, input: CheckInput, write: Actor | null): Promise<ImportOutcome> {
  const s = await openLedgerSheet({
    bytes: bytesOf(input.file),
    fileName: input.file.fileName,
    sheet: input.sheet,
    kind: input.kind,
    mapping: mappingOf(input.mapping),
  });
  const p = planSheet(s, localDate(ctx.clock.now()));
  const source = { fileName: input.file.fileName, sheet: s.sheet };
  if (p.kind === 'roster') return write ? importRoster(ctx, write, p.plan, source) : previewRosterImport(ctx, p.plan);
  return write ? importLedger(ctx, write, p.plan, source) : previewLedgerImport(ctx, p.plan);
}

const view = (r: ImportOutcome) => ({ ...r, problems: r.problems.map((p) => ({ ...p })) });

export const importHandlers: Handlers<typeof importOps> = {
  'import.inspect': async (input) => {
    const r = await inspectLedgerFile({ bytes: bytesOf(input.file), fileName: input.file.fileName, sheet: input.sheet, kind: input.kind });
    return {
      ...r,
      sheets: [...r.sheets],
      headers: [...r.headers],
      mapping: Object.fromEntries(Object.entries(r.mapping).map(([k, v]) => [String(k), v])),
      sample: r.sample.map((row) => [...row]),
    };
  },
  'import.check': async (input, { app }) => view(await runSheet(app.ctx, input, null)),
  'import.run': async (input, { app, actor }) => view(await runSheet(app.ctx, input, actor)),
  'import.batches': (_input, { app }) => listImportBatches(app.ctx),
  'import.exportLedger': (input, { app }) => exportLedger(app.ctx, input),
  'import.undo': (input, { app, actor }) => undoImport(app.ctx, actor, input.batchId),
};
