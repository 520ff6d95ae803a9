/**
 * A pretend network ticket printer on 127.0.0.1 that decodes what it receives.
 *
 * It is written from the ESC/POS reference, not from our ticket builder, so the tests check the
 * bytes a real printer would see. It is deliberately stricter than most printers: ESC @ drops
 * Chinese mode (so FS & must follow it), text outside Chinese mode is decoded as code page 437 (so
 * a missing FS & shows up as mojibake), and anything it does not understand is listed, not skipped.
 */
import net from 'node:net';
import iconv from 'iconv-lite';

export type Align = 'left' | 'center' | 'right';

export interface DecodedLine {
  text: string;
  align: Align;
  bold: boolean;
  /** character magnification, 1–8 */
  width: number;
  height: number;
  /** Chinese mode was on for the line's text */
  chinese: boolean;
  /** columns the line takes on the paper, magnification included */
  columns: number;
}

export interface DecodedQr {
  payload: string;
  model: number | null;
  moduleSize: number | null;
  errorCorrection: 'L' | 'M' | 'Q' | 'H' | null;
}

export interface DecodedTicket {
  lines: string[];
  styledLines: DecodedLine[];
  /** payloads of the QR codes actually printed (stored and then printed) */
  qr: string[];
  qrCodes: DecodedQr[];
  cut: boolean;
  cuts: number;
  /** FS & was received, and every non-ASCII text byte was printed in Chinese mode */
  chineseMode: boolean;
  /** ESC @ came before any text or formatting (real-time status requests aside) */
  initialised: boolean;
  /** n of each DLE EOT n */
  statusRequests: number[];
  /** commands this peer does not understand, e.g. 'ESC 0x42' */
  unknown: string[];
  /** well-formed input a real printer would mishandle: truncated commands, text lost to ESC @, ... */
  problems: string[];
  raw: Buffer;
}

const LF = 0x0a;
const CR = 0x0d;
const HT = 0x09;
const DLE = 0x10;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

const hex = (b: number | undefined): string => `0x${(b ?? 0).toString(16).padStart(2, '0')}`;

/** Parameter counts of commands that are understood but do not matter to a ticket's content. */
const ESC_IGNORED: Record<number, number> = {
  0x2d: 1, // ESC - underline
  0x4d: 1, // ESC M font
  0x52: 1, // ESC R international character set
  0x74: 1, // ESC t code page
  0x32: 0, // ESC 2 default line spacing
  0x33: 1, // ESC 3 line spacing
  0x7b: 1, // ESC { upside down
  0x47: 1, // ESC G double strike
  0x20: 1, // ESC SP right-side character spacing
};
const GS_IGNORED: Record<number, number> = {
  0x42: 1, // GS B reverse
  0x4c: 2, // GS L left margin
  0x57: 2, // GS W print area width
};
const FS_IGNORED: Record<number, number> = {
  0x21: 1, // FS ! Chinese character print mode
  0x2d: 1, // FS - Chinese underline
  0x53: 2, // FS S Chinese character spacing
  0x57: 1, // FS W Chinese quadruple size
};

interface Run {
  bytes: number[];
  chinese: boolean;
}

export interface DecoderOptions {
  /** called for each DLE EOT n as soon as it arrives, so a listener can answer in real time */
  onStatusRequest?: (n: number) => void;
}

/** Incremental: feed chunks as they arrive; commands split across chunks wait for the rest. */
export class EscposDecoder {
  private readonly chunks: Buffer[] = [];
  private pending: Buffer = Buffer.alloc(0);

  private align: Align = 'left';
  private bold = false;
  private width = 1;
  private height = 1;
  private chinese = false;

  private runs: Run[] = [];
  private lineStyle: Omit<DecodedLine, 'text' | 'columns'> | null = null;

  private sawContent = false;
  private initialised = false;
  private fsAmpSeen = false;
  private textOutsideChinese = false;

  private qrStored: Buffer | null = null;
  private qrModel: number | null = null;
  private qrSize: number | null = null;
  private qrEcc: DecodedQr['errorCorrection'] = null;

  private readonly out = {
    styledLines: [] as DecodedLine[],
    qrCodes: [] as DecodedQr[],
    cuts: 0,
    statusRequests: [] as number[],
    unknown: [] as string[],
    problems: [] as string[],
  };

  constructor(private readonly opts: DecoderOptions = {}) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let pos = 0;
    for (;;) {
      const used = this.step(this.pending, pos);
      if (used === 0) break;
      pos += used;
    }
    this.pending = this.pending.subarray(pos);
  }

  finish(): DecodedTicket {
    if (this.pending.length) this.out.problems.push(`truncated command at end: ${[...this.pending.subarray(0, 16)].map(hex).join(' ')}`);
    if (this.runs.length) this.out.problems.push(`text never printed (no LF at end): "${this.decodeRuns().text}"`);
    const o = this.out;
    return {
      lines: o.styledLines.map((l) => l.text),
      styledLines: o.styledLines,
      qr: o.qrCodes.map((q) => q.payload),
      qrCodes: o.qrCodes,
      cut: o.cuts > 0,
      cuts: o.cuts,
      chineseMode: this.fsAmpSeen && !this.textOutsideChinese,
      initialised: this.initialised,
      statusRequests: o.statusRequests,
      unknown: o.unknown,
      problems: o.problems,
      raw: Buffer.concat(this.chunks),
    };
  }

  /** Decodes one item at pos; returns bytes consumed, 0 when more input is needed. */
  private step(b: Buffer, pos: number): number {
    const avail = b.length - pos;
    if (avail <= 0) return 0;
    const c = b[pos]!;
    const at = (i: number): number => b[pos + i]!;

    if (c === LF) {
      this.content();
      this.endLine();
      return 1;
    }
    if (c === CR) return 1; // ignored by ESC/POS printers in the default setting
    if (c === HT) {
      this.content();
      this.text(0x20);
      return 1;
    }
    if (c === DLE) {
      if (avail < 2) return 0;
      if (at(1) !== 0x04) return this.unknownCmd(`DLE ${hex(at(1))}`, 2);
      if (avail < 3) return 0;
      const n = at(2);
      this.out.statusRequests.push(n);
      if (n >= 1 && n <= 4) this.opts.onStatusRequest?.(n);
      return 3;
    }
    if (c === ESC) {
      if (avail < 2) return 0;
      return this.esc(b, pos, avail);
    }
    if (c === GS) {
      if (avail < 2) return 0;
      return this.gs(b, pos, avail);
    }
    if (c === FS) {
      if (avail < 2) return 0;
      return this.fs(b, pos, avail);
    }
    if (c < 0x20 || c === 0x7f) return this.unknownCmd(`control ${hex(c)}`, 1);
    this.content();
    this.text(c);
    return 1;
  }

  private esc(b: Buffer, pos: number, avail: number): number {
    const cmd = b[pos + 1]!;
    const param = (): number | undefined => (avail >= 3 ? b[pos + 2] : undefined);
    switch (cmd) {
      case 0x40: {
        // ESC @ clears the print buffer and every mode: text not yet printed is lost.
        if (this.runs.length) this.out.problems.push(`ESC @ discarded unprinted text "${this.decodeRuns().text}"`);
        this.runs = [];
        this.lineStyle = null;
        this.align = 'left';
        this.bold = false;
        this.width = 1;
        this.height = 1;
        this.chinese = false;
        if (!this.sawContent) this.initialised = true;
        return 2;
      }
      case 0x21: {
        const n = param();
        if (n === undefined) return 0;
        this.content();
        this.bold = (n & 0x08) !== 0;
        this.height = n & 0x10 ? 2 : 1;
        this.width = n & 0x20 ? 2 : 1;
        return 3;
      }
      case 0x45: {
        const n = param();
        if (n === undefined) return 0;
        this.content();
        this.bold = (n & 1) === 1;
        return 3;
      }
      case 0x61: {
        const n = param();
        if (n === undefined) return 0;
        this.content();
        const a = n >= 48 ? n - 48 : n;
        if (a > 2) this.out.problems.push(`ESC a with invalid n=${n}`);
        else this.align = (['left', 'center', 'right'] as const)[a]!;
        return 3;
      }
      case 0x64: {
        const n = param();
        if (n === undefined) return 0;
        this.content();
        // Prints the buffer (the first feed ends its line) and feeds the rest as blank lines.
        let feeds = n;
        if (this.runs.length) {
          this.endLine();
          feeds -= 1;
        }
        for (let i = 0; i < feeds; i++) this.endLine();
        return 3;
      }
      case 0x4a: {
        if (param() === undefined) return 0;
        this.content();
        if (this.runs.length) this.endLine();
        return 3;
      }
      default: {
        const params = ESC_IGNORED[cmd];
        if (params === undefined) return this.unknownCmd(`ESC ${hex(cmd)}`, 2);
        if (avail < 2 + params) return 0;
        this.content();
        return 2 + params;
      }
    }
  }

  private gs(b: Buffer, pos: number, avail: number): number {
    const cmd = b[pos + 1]!;
    switch (cmd) {
      case 0x21: {
        if (avail < 3) return 0;
        this.content();
        const n = b[pos + 2]!;
        this.width = ((n >> 4) & 7) + 1;
        this.height = (n & 7) + 1;
        return 3;
      }
      case 0x56: {
        if (avail < 3) return 0;
        const m = b[pos + 2]!;
        let len: number;
        if ([0, 1, 48, 49].includes(m)) len = 3;
        else if ([65, 66, 97, 98, 103, 104].includes(m)) len = 4;
        else return this.unknownCmd(`GS V m=${hex(m)}`, 3);
        if (avail < len) return 0;
        this.content();
        // GS V only works at the beginning of a line; a real printer ignores it elsewhere.
        if (this.runs.length) this.out.problems.push(`GS V not at the beginning of a line, after "${this.decodeRuns().text}"`);
        else this.out.cuts += 1;
        return len;
      }
      case 0x28: {
        // Every GS ( x command carries its own length, so even unknown ones can be skipped exactly.
        if (avail < 5) return 0;
        const fn = b[pos + 2]!;
        const p = b[pos + 3]! + b[pos + 4]! * 256;
        if (avail < 5 + p) return 0;
        this.content();
        const data = b.subarray(pos + 5, pos + 5 + p);
        if (fn === 0x6b) this.symbol(data);
        else this.out.unknown.push(`GS ( ${hex(fn)}`);
        return 5 + p;
      }
      default: {
        const params = GS_IGNORED[cmd];
        if (params === undefined) return this.unknownCmd(`GS ${hex(cmd)}`, 2);
        if (avail < 2 + params) return 0;
        this.content();
        return 2 + params;
      }
    }
  }

  private fs(b: Buffer, pos: number, avail: number): number {
    const cmd = b[pos + 1]!;
    if (cmd === 0x26) {
      this.content();
      this.chinese = true;
      this.fsAmpSeen = true;
      return 2;
    }
    if (cmd === 0x2e) {
      this.content();
      this.chinese = false;
      return 2;
    }
    const params = FS_IGNORED[cmd];
    if (params === undefined) return this.unknownCmd(`FS ${hex(cmd)}`, 2);
    if (avail < 2 + params) return 0;
    this.content();
    return 2 + params;
  }

  /** GS ( k: cn 49 is QR code; fn 65 model, 67 module size, 69 error correction, 80 store, 81 print. */
  private symbol(d: Buffer): void {
    const cn = d[0];
    const fn = d[1];
    if (cn !== 0x31) {
      this.out.unknown.push(`GS ( k cn=${hex(cn)} fn=${hex(fn)}`);
      return;
    }
    switch (fn) {
      case 0x41:
        this.qrModel = d[2] === 0x31 ? 1 : d[2] === 0x32 ? 2 : d[2] === 0x33 ? 3 : null;
        if (this.qrModel === null) this.out.problems.push(`QR model n1=${hex(d[2])} is invalid`);
        return;
      case 0x43:
        this.qrSize = d[2] ?? null;
        if (this.qrSize === null || this.qrSize < 1 || this.qrSize > 16)
          this.out.problems.push(`QR module size ${String(this.qrSize)} is invalid`);
        return;
      case 0x45: {
        const e = (d[2] ?? 0) - 0x30;
        this.qrEcc = (['L', 'M', 'Q', 'H'] as const)[e] ?? null;
        if (this.qrEcc === null) this.out.problems.push(`QR error correction ${hex(d[2])} is invalid`);
        return;
      }
      case 0x50:
        if (d[2] !== 0x30) this.out.problems.push(`QR store with m=${hex(d[2])}, expected 0x30`);
        this.qrStored = Buffer.from(d.subarray(3));
        return;
      case 0x51:
        if (this.qrStored === null) {
          this.out.problems.push('QR print without stored data');
          return;
        }
        if (this.runs.length) this.out.problems.push('QR printed in the middle of a line');
        this.out.qrCodes.push({
          payload: this.qrStored.toString('utf8'),
          model: this.qrModel,
          moduleSize: this.qrSize,
          errorCorrection: this.qrEcc,
        });
        return;
      default:
        this.out.unknown.push(`GS ( k cn=0x31 fn=${hex(fn)}`);
    }
  }

  private unknownCmd(name: string, len: number): number {
    this.out.unknown.push(name);
    return len;
  }

  /** Marks that the stream has started for real, which settles whether it began with ESC @. */
  private content(): void {
    this.sawContent = true;
  }

  private text(byte: number): void {
    if (!this.runs.length) {
      this.lineStyle = { align: this.align, bold: this.bold, width: this.width, height: this.height, chinese: this.chinese };
    }
    if (byte >= 0x80 && !this.chinese) this.textOutsideChinese = true;
    const last = this.runs[this.runs.length - 1];
    if (last && last.chinese === this.chinese) last.bytes.push(byte);
    else this.runs.push({ bytes: [byte], chinese: this.chinese });
  }

  /** Text and columns of the buffered line, as a printer with a GB18030 font would lay it out. */
  private decodeRuns(): { text: string; columns: number } {
    let text = '';
    let columns = 0;
    for (const run of this.runs) {
      const bytes = Buffer.from(run.bytes);
      if (!run.chinese) {
        text += iconv.decode(bytes, 'cp437');
        columns += bytes.length;
        continue;
      }
      text += iconv.decode(bytes, 'gb18030');
      for (let i = 0; i < bytes.length;) {
        const lead = bytes[i]!;
        if (lead < 0x80) {
          columns += 1;
          i += 1;
        } else {
          const second = bytes[i + 1];
          columns += 2;
          i += second !== undefined && second >= 0x30 && second <= 0x39 ? 4 : 2;
        }
      }
    }
    return { text, columns };
  }

  private endLine(): void {
    const style = this.lineStyle ?? { align: this.align, bold: this.bold, width: this.width, height: this.height, chinese: this.chinese };
    const { text, columns } = this.decodeRuns();
    this.out.styledLines.push({ ...style, text, columns: columns * style.width });
    this.runs = [];
    this.lineStyle = null;
  }
}

export function decodeEscpos(bytes: Buffer): DecodedTicket {
  const d = new EscposDecoder();
  d.push(bytes);
  return d.finish();
}

export type ListenerMode = 'normal' | 'refuse-read' | 'paper-out';

export interface EscposListener {
  port: number;
  /** 'tcp://127.0.0.1:PORT' */
  uri: string;
  /** connections accepted so far */
  connections(): number;
  /** One decoded ticket per connection, in order; waits for open connections to close (except in 'refuse-read'). */
  received(): Promise<DecodedTicket[]>;
  close(): Promise<void>;
}

/**
 * Status byte for DLE EOT n: bits 1 and 4 are fixed on; 0x60 is "roll paper end" for n = 4.
 */
function statusByte(mode: ListenerMode, n: number): number {
  return mode === 'paper-out' && n === 4 ? 0x72 : 0x12;
}

export async function startEscposListener(opts: { mode?: ListenerMode } = {}): Promise<EscposListener> {
  const mode = opts.mode ?? 'normal';
  const sockets = new Set<net.Socket>();
  const done: Promise<DecodedTicket>[] = [];

  // 'refuse-read' never reads a byte: with pauseOnConnect the kernel buffers fill and the
  // sender's writes back up, which is how a jammed or wedged printer looks from outside.
  const server = net.createServer({ pauseOnConnect: mode === 'refuse-read' }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // clients may reset; the ticket is decoded from what arrived
    if (mode === 'refuse-read') {
      done.push(Promise.resolve(new EscposDecoder().finish()));
      return;
    }
    const decoder = new EscposDecoder({
      onStatusRequest: (n) => {
        if (!socket.destroyed) socket.write(Buffer.from([statusByte(mode, n)]));
      },
    });
    done.push(
      new Promise((resolve) => {
        socket.on('data', (chunk: Buffer) => decoder.push(chunk));
        socket.on('close', () => resolve(decoder.finish()));
      }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('listener has no TCP address');
  const port = address.port;

  return {
    port,
    uri: `tcp://127.0.0.1:${port}`,
    connections: () => done.length,
    received: () => Promise.all(done),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
