/**
 * The intake ticket as an ESC/POS byte stream for Chinese-market thermal printers.
 *
 * node-thermal-printer assembles the buffer and supplies the plain commands, but every piece of
 * text goes in as GB18030 bytes we encode ourselves: the library's CHINA code page is really GBK
 * (rare characters such as 𠀀 become '?') and it never switches the printer to Chinese mode.
 */
import dayjs from 'dayjs';
import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { AppError } from '../../common/errors';

export type PaperWidth = 58 | 80;

export interface Ticket {
  centreName: string;
  /** e.g. 'A023' */
  queueCode: string;
  issuedAt: Date | string;
  categoryLabel: string;
  /** the registration number, or the case number once a case exists */
  registrationNumber: string;
  queryCode: string;
  qrPayload: string;
  centrePhone: string;
  privacyLine: string;
  width: PaperWidth;
}

/** Characters per line in font A: 58 mm paper has 384 printable dots, 80 mm has 576, 12 dots each. */
export const COLUMNS: Readonly<Record<PaperWidth, number>> = { 58: 32, 80: 48 };
const PRINTABLE_DOTS: Readonly<Record<PaperWidth, number>> = { 58: 384, 80: 576 };

export const TEST_TICKET_TITLE = '打印测试';
/** Exactly 32 columns, so it fits one line on either paper; 𠀀 needs GB18030's four-byte form. */
export const TEST_TICKET_SAMPLE_LINE = '中文测试：调解工作台 𠀀 人民调解';
export const testTicketQrPayload = (width: PaperWidth): string => `mediation-desk:print-test:${width}mm`;

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export function isPaperWidth(w: unknown): w is PaperWidth {
  return w === 58 || w === 80;
}

/**
 * Columns a character takes on a Chinese-mode printer: whatever GB18030 encodes in one byte is a
 * half-width glyph, everything else (including four-byte characters) prints full-width.
 */
export function charColumns(ch: string): 1 | 2 {
  return iconv.encode(ch, 'gb18030').length === 1 ? 1 : 2;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charColumns(ch);
  return w;
}

/**
 * Control bytes inside user text would be executed by the printer (a centre name containing ESC
 * could cut the paper or switch modes), and lone surrogates have no GB18030 form.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ''))
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
}

const NO_LINE_START = /^[，。、；：？！）》」』】〉”’…,.;:?!)\]]$/u;

/**
 * Wraps by display width, one code point at a time so a surrogate pair never splits. A run of
 * ASCII (a case number, a phone number, a URL) moves whole to the next line when it fits there,
 * because a number broken across lines gets misread at the counter.
 */
export function wrapText(text: string, columns: number): string[] {
  if (columns < 2) throw new RangeError('columns must be at least 2');
  const out: string[] = [];
  for (const paragraph of sanitizeText(text).split('\n')) {
    const before = out.length;
    const tokens = paragraph.match(/[\x21-\x7e]+| +|[\s\S]/gu) ?? [];
    let line = '';
    let used = 0;
    const flush = (): void => {
      out.push(line.replace(/ +$/, ''));
      line = '';
      used = 0;
    };
    for (const tok of tokens) {
      const w = displayWidth(tok);
      if (tok.startsWith(' ')) {
        if (used + w <= columns) {
          line += tok;
          used += w;
        } else if (used > 0) {
          flush(); // the break swallows the spaces
        }
        continue;
      }
      if (used + w <= columns) {
        line += tok;
        used += w;
        continue;
      }
      if (w <= columns && used > 0 && /^[\x21-\x7e]/.test(tok)) flush();
      if (used + w <= columns) {
        line += tok;
        used += w;
        continue;
      }
      for (const ch of tok) {
        const cw = charColumns(ch);
        if (used + cw > columns) {
          // Chinese typesetting never starts a line with closing punctuation: take a character along.
          const chars = [...line];
          const carried = NO_LINE_START.test(ch) && chars.length > 1 ? chars.pop()! : '';
          line = chars.join('');
          flush();
          line = carried;
          used = displayWidth(carried);
        }
        line += ch;
        used += cw;
      }
    }
    if (used > 0 || out.length === before) flush();
  }
  // A trailing empty paragraph is a trailing newline, not a wanted blank line.
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Byte capacity of QR versions 1–40 at error correction level M (ISO/IEC 18004, byte mode). */
const QR_BYTES_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190,
  1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

/** Largest module size (dots, capped at 6 for scanning distance) that keeps the symbol on the paper. */
export function qrModuleSize(payloadBytes: number, width: PaperWidth): number {
  const version = QR_BYTES_M.findIndex((cap) => cap >= payloadBytes) + 1;
  if (version === 0) return 0;
  const modules = 17 + 4 * version + 8; // + quiet zone of 4 modules each side
  return Math.min(6, Math.floor(PRINTABLE_DOTS[width] / modules));
}

type Align = 'left' | 'center';
interface Style {
  align?: Align;
  bold?: boolean;
  /** magnification, 1–8 */
  w?: number;
  h?: number;
}

class TicketWriter {
  private readonly p: ThermalPrinter;
  readonly columns: number;

  constructor(readonly width: PaperWidth) {
    this.columns = COLUMNS[width];
    // The interface is never opened: sending is send.ts's job, with proper time-outs.
    this.p = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: 'tcp://127.0.0.1:9100',
      characterSet: CharacterSet.CHINA,
      width: this.columns,
    });
    // Drop the ESC R 15 the constructor queued (an international set swaps a few ASCII glyphs,
    // and query codes must print as typed); start with ESC @ so no mode from an earlier job
    // (double size, bold) leaks into this one.
    this.p.setBuffer(Buffer.alloc(0));
    this.p.add(Buffer.from([ESC, 0x40]));
    this.p.add(Buffer.from([FS, 0x26])); // FS &: Chinese mode, else GB18030 bytes print as code-page glyphs
  }

  private style({ align = 'left', bold = false, w = 1, h = 1 }: Style): void {
    if (align === 'center') this.p.alignCenter();
    else this.p.alignLeft();
    this.p.bold(bold);
    // Raw GS ! because the library's setTextSize puts height in the width nibble.
    this.p.add(Buffer.from([GS, 0x21, ((w - 1) << 4) | (h - 1)]));
  }

  text(text: string, style: Style = {}): void {
    this.style(style);
    for (const line of wrapText(text, Math.floor(this.columns / (style.w ?? 1)))) {
      if (line !== '') this.p.add(iconv.encode(line, 'gb18030'));
      this.p.newLine();
    }
  }

  /** Keeps the value whole on its own line when label and value do not fit together. */
  labelled(label: string, value: string): void {
    const room = this.columns;
    if (displayWidth(label + value) > room && displayWidth(value) <= room) {
      this.text(label);
      this.text(value);
    } else {
      this.text(label + value);
    }
  }

  rule(): void {
    this.style({});
    this.p.add(Buffer.from('-'.repeat(this.columns), 'ascii'));
    this.p.newLine();
  }

  /**
   * GS ( k by hand: the library's printQR sizes the store command by UTF-16 length, which is
   * wrong for any non-ASCII payload. Payload bytes are UTF-8, which phone scanners detect.
   */
  qr(payload: string): void {
    const data = Buffer.from(payload, 'utf8');
    const size = qrModuleSize(data.length, this.width);
    if (size < 1) throw new AppError('VALIDATION', `二维码内容太长（${data.length} 字节），无法打印在 ${this.width} 毫米小票上`);
    this.style({ align: 'center' });
    const fn = (...bytes: number[]): Buffer => Buffer.from([GS, 0x28, 0x6b, bytes.length & 0xff, bytes.length >> 8, ...bytes]);
    const storeLen = data.length + 3;
    this.p.add(
      Buffer.concat([
        fn(0x31, 0x41, 0x32, 0x00), // model 2
        fn(0x31, 0x43, size), // module size in dots
        fn(0x31, 0x45, 0x31), // error correction M
        Buffer.from([GS, 0x28, 0x6b, storeLen & 0xff, storeLen >> 8, 0x31, 0x50, 0x30]),
        data,
        fn(0x31, 0x51, 0x30), // print the stored symbol
      ]),
    );
    this.p.newLine();
  }

  finish(): Buffer {
    this.style({});
    // ESC d 4 brings the last line past the cutter, GS V 0 cuts, ESC @ leaves the printer clean.
    this.p.cut({ verticalTabAmount: 1 });
    return this.p.getBuffer();
  }
}

function field(value: unknown, name: string, label: string, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw new AppError('VALIDATION', `小票缺少${label}`, { [name]: '必填' });
    return '';
  }
  if (typeof value !== 'string') throw new AppError('VALIDATION', `小票的${label}应为文字`, { [name]: '应为文字' });
  const v = sanitizeText(value).trim();
  if (required && v === '') throw new AppError('VALIDATION', `小票缺少${label}`, { [name]: '必填' });
  return v;
}

function checkWidth(width: unknown): PaperWidth {
  if (!isPaperWidth(width)) {
    throw new AppError('VALIDATION', `小票纸宽只能是 58 或 80 毫米，收到“${String(width)}”`, { width: '只能是 58 或 80' });
  }
  return width;
}

/** Local time, as everything else at the centre (China has one zone and no DST). */
function formatIssuedAt(issuedAt: unknown): string {
  const d = issuedAt instanceof Date || typeof issuedAt === 'string' ? dayjs(issuedAt) : dayjs(NaN);
  if (!d.isValid()) throw new AppError('VALIDATION', `小票的取号时间无效：“${String(issuedAt)}”`, { issuedAt: '时间无效' });
  return d.format('YYYY-MM-DD HH:mm');
}

export const TICKET_LABELS = {
  queue: '排队号',
  issuedAt: '取号时间：',
  registrationNumber: '登记编号：',
  queryCode: '查询码：',
  scanHint: '扫码或凭查询码查询办理进度',
  phone: '咨询电话：',
} as const;

/** The ticket a citizen takes from the intake counter. Throws AppError('VALIDATION') on bad fields. */
export function buildTicketBytes(ticket: Ticket): Buffer {
  const width = checkWidth(ticket.width);
  const centreName = field(ticket.centreName, 'centreName', '调解中心名称', true);
  const queueCode = field(ticket.queueCode, 'queueCode', '排队号', true);
  const qrPayload = field(ticket.qrPayload, 'qrPayload', '二维码内容', true);
  const categoryLabel = field(ticket.categoryLabel, 'categoryLabel', '纠纷类别', false);
  const registrationNumber = field(ticket.registrationNumber, 'registrationNumber', '登记编号', false);
  const queryCode = field(ticket.queryCode, 'queryCode', '查询码', false);
  const centrePhone = field(ticket.centrePhone, 'centrePhone', '咨询电话', false);
  const privacyLine = field(ticket.privacyLine, 'privacyLine', '隐私提示', false);
  const issuedAt = formatIssuedAt(ticket.issuedAt);

  const t = new TicketWriter(width);
  t.text(centreName, { align: 'center', bold: true, h: 2 });
  t.text(TICKET_LABELS.queue, { align: 'center' });
  t.text(queueCode, { align: 'center', bold: true, w: 2, h: 2 });
  if (categoryLabel) t.text(categoryLabel, { align: 'center', bold: true });
  t.rule();
  t.labelled(TICKET_LABELS.issuedAt, issuedAt);
  if (registrationNumber) t.labelled(TICKET_LABELS.registrationNumber, registrationNumber);
  if (queryCode) t.labelled(TICKET_LABELS.queryCode, queryCode);
  t.qr(qrPayload);
  t.text(TICKET_LABELS.scanHint, { align: 'center' });
  t.rule();
  if (centrePhone) t.labelled(TICKET_LABELS.phone, centrePhone);
  if (privacyLine) t.text(privacyLine);
  return t.finish();
}

export interface TestTicketOptions {
  width: PaperWidth;
  centreName: string;
  now?: Date;
}

/** What a technician prints when setting up a printer: Chinese, a rare character, a ruler and a QR code. */
export function buildTestTicketBytes({ width: w, centreName: name, now = new Date() }: TestTicketOptions): Buffer {
  const width = checkWidth(w);
  const centreName = field(name, 'centreName', '调解中心名称', true);
  const columns = COLUMNS[width];
  const t = new TicketWriter(width);
  t.text(centreName, { align: 'center', bold: true, h: 2 });
  t.text(TEST_TICKET_TITLE, { align: 'center', bold: true, w: 2, h: 2 });
  t.rule();
  t.text(TEST_TICKET_SAMPLE_LINE);
  t.text(`纸宽 ${width} 毫米，每行 ${columns} 个字符：`);
  // A ruler exactly one line wide shows at a glance whether the paper width setting is right.
  t.text(Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join(''));
  t.text(`打印时间：${formatIssuedAt(now)}`);
  t.qr(testTicketQrPayload(width));
  t.text('扫描上方二维码应显示：', { align: 'center' });
  t.text(testTicketQrPayload(width), { align: 'center' });
  return t.finish();
}
