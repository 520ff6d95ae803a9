/**
 * This machine's ticket printers, kept in the per-machine prefs (never in the database: the
 * printer next to the kiosk is not the one next to the clerk).
 */
import type { PrinterStatusView, PrinterView } from '../../common/api/intake';
import { AppError } from '../../common/errors';
import { checkPrinter, parsePrinterUri, printTestTicket, type CheckOptions, type SendOptions } from '../printing';
import { rfc3339 } from '../core/clock';
import type { Clock } from '../core/clock';
import { newId } from '../core/ids';
import { printerPrefSchema, type PrinterPref, type Prefs } from '../machine-prefs';

/** Printers as stored, skipping entries a hand-edited prefs file may have damaged. */
function stored(prefs: Prefs): PrinterPref[] {
  const raw = prefs.get('printers');
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p) => {
    const parsed = printerPrefSchema.safeParse(p);
    return parsed.success ? [parsed.data] : [];
  });
}

export function listPrinters(prefs: Prefs): PrinterView[] {
  const list = stored(prefs);
  const ticketId = ticketPrinterOf(list, prefs.get('ticketPrinterId'))?.id ?? null;
  return list.map((p) => ({ id: p.id, name: p.name, uri: p.uri, width: p.width, ticket: p.id === ticketId }));
}

/** The chosen ticket printer; with none chosen, the only one (or first) configured. */
function ticketPrinterOf(list: PrinterPref[], chosen: string | null): PrinterPref | null {
  return list.find((p) => p.id === chosen) ?? list[0] ?? null;
}

export function ticketPrinter(prefs: Prefs): PrinterPref | null {
  return ticketPrinterOf(stored(prefs), prefs.get('ticketPrinterId'));
}

export function requireTicketPrinter(prefs: Prefs): PrinterPref {
  const p = ticketPrinter(prefs);
  if (!p) throw new AppError('PRINTER', '本机还没有设置小票打印机，请管理员在“打印机设置”中添加');
  return p;
}

export interface SavePrinterInput {
  id?: string | undefined;
  name: string;
  address: string;
  width: 58 | 80;
  ticket?: boolean | undefined;
}

/** Adds or changes a printer; the address is parsed (and normalised) before it is stored. */
export function savePrinter(prefs: Prefs, input: SavePrinterInput): PrinterView[] {
  const uri = parsePrinterUri(input.address).uri;
  const list = stored(prefs);
  const name = input.name.trim();
  if (list.some((p) => p.name === name && p.id !== input.id)) {
    throw new AppError('VALIDATION', `已有名为“${name}”的打印机，请换一个名称`, { name: '名称重复' });
  }
  let id = input.id;
  if (id !== undefined) {
    const i = list.findIndex((p) => p.id === id);
    if (i < 0) throw new AppError('NOT_FOUND', '这台打印机已被删除，请刷新后重试');
    list[i] = { id, name, uri, width: input.width };
  } else {
    if (list.length >= 20) throw new AppError('VALIDATION', '每台电脑最多设置 20 台打印机');
    id = newId();
    list.push({ id, name, uri, width: input.width });
  }
  prefs.set('printers', list);
  if (input.ticket || list.length === 1) prefs.set('ticketPrinterId', id);
  return listPrinters(prefs);
}

export function removePrinter(prefs: Prefs, id: string): PrinterView[] {
  const list = stored(prefs);
  if (!list.some((p) => p.id === id)) throw new AppError('NOT_FOUND', '这台打印机已被删除');
  const rest = list.filter((p) => p.id !== id);
  prefs.set('printers', rest);
  if (prefs.get('ticketPrinterId') === id) prefs.set('ticketPrinterId', rest[0]?.id ?? null);
  return listPrinters(prefs);
}

export function chooseTicketPrinter(prefs: Prefs, id: string): PrinterView[] {
  if (!stored(prefs).some((p) => p.id === id)) throw new AppError('NOT_FOUND', '这台打印机已被删除，请刷新后重试');
  prefs.set('ticketPrinterId', id);
  return listPrinters(prefs);
}

function printerById(prefs: Prefs, id: string | undefined): PrinterPref {
  if (id === undefined) return requireTicketPrinter(prefs);
  const p = stored(prefs).find((x) => x.id === id);
  if (!p) throw new AppError('NOT_FOUND', '这台打印机已被删除，请刷新后重试');
  return p;
}

/** A test ticket on the given printer (default: the ticket printer). Throws PRINTER when it did not print. */
export async function testPrinter(prefs: Prefs, centreName: string, id?: string, opts: SendOptions = {}): Promise<void> {
  const p = printerById(prefs, id);
  await printTestTicket(p.uri, { width: p.width, centreName }, opts);
}

/** Online / paper state of a printer (default: the ticket printer), within the check's time-out. */
export async function printerStatus(prefs: Prefs, clock: Clock, id?: string, opts: CheckOptions = {}): Promise<PrinterStatusView> {
  const checkedAt = rfc3339(clock.now());
  const p = id === undefined ? ticketPrinter(prefs) : printerById(prefs, id);
  if (!p) {
    return {
      id: null,
      name: null,
      uri: null,
      online: false,
      ready: false,
      paper: 'unknown',
      message: '本机还没有设置小票打印机',
      checkedAt,
    };
  }
  const s = await checkPrinter(p.uri, opts);
  return { id: p.id, name: p.name, uri: p.uri, online: s.online, ready: s.ready, paper: s.paper, message: s.message, checkedAt };
}
