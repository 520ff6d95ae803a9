/** The test printer's decoder on hand-built byte sequences, so the other tests can trust it. */
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { decodeEscpos, EscposDecoder } from '../../peers/escpos-listener';

const b = (...parts: (number[] | Buffer | string)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? iconv.encode(p, 'gb18030') : Buffer.isBuffer(p) ? p : Buffer.from(p))));

const INIT = [0x1b, 0x40];
const CHINESE = [0x1c, 0x26];
const LF = [0x0a];

function qrBytes(payload: Buffer, print = true): Buffer {
  const store = payload.length + 3;
  return Buffer.concat([
    Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]),
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x05]),
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x33]),
    Buffer.from([0x1d, 0x28, 0x6b, store & 0xff, store >> 8, 0x31, 0x50, 0x30]),
    payload,
    print ? Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]) : Buffer.alloc(0),
  ]);
}

describe('ESC/POS decoder', () => {
  it('decodes GB18030 text in Chinese mode, four-byte characters included', () => {
    const d = decodeEscpos(b(INIT, CHINESE, '人民调解 𠀀 A023', LF));
    expect(d.lines).toEqual(['人民调解 𠀀 A023']);
    expect(d.initialised).toBe(true);
    expect(d.chineseMode).toBe(true);
    expect(d.styledLines[0]).toMatchObject({ chinese: true, columns: 8 + 1 + 2 + 5 });
    expect(d.unknown).toEqual([]);
    expect(d.problems).toEqual([]);
  });

  it('shows Chinese sent without FS & as code-page mojibake and says so', () => {
    const d = decodeEscpos(b(INIT, '调解', LF));
    expect(d.lines[0]).not.toBe('调解');
    expect(d.chineseMode).toBe(false);
  });

  it('treats ESC @ as leaving Chinese mode, so FS & must come after it', () => {
    const d = decodeEscpos(b(CHINESE, INIT, '调解', LF));
    expect(d.chineseMode).toBe(false);
    expect(d.initialised).toBe(false); // FS & came before ESC @
  });

  it('is not initialised when text precedes ESC @, and reports the text ESC @ discards', () => {
    const d = decodeEscpos(b('abc', INIT, 'x', LF));
    expect(d.initialised).toBe(false);
    expect(d.problems.join()).toContain('discarded unprinted text "abc"');
    expect(d.lines).toEqual(['x']);
  });

  it('does not let a status request count as content before ESC @', () => {
    const d = decodeEscpos(b([0x10, 0x04, 0x04], INIT, CHINESE, 'x', LF));
    expect(d.statusRequests).toEqual([4]);
    expect(d.initialised).toBe(true);
  });

  it('tracks alignment, bold and size from ESC a, ESC E, GS ! and ESC !', () => {
    const d = decodeEscpos(
      b(
        INIT,
        CHINESE,
        [0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11],
        'A023',
        LF,
        [0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00, 0x1b, 0x61, 0x30],
        '普通',
        LF,
        [0x1b, 0x21, 0x38, 0x1b, 0x61, 0x32],
        'big',
        LF,
        [0x1d, 0x21, 0x01],
        'tall',
        LF,
      ),
    );
    expect(d.styledLines.map(({ text, align, bold, width, height, columns }) => ({ text, align, bold, width, height, columns }))).toEqual([
      { text: 'A023', align: 'center', bold: true, width: 2, height: 2, columns: 8 },
      { text: '普通', align: 'left', bold: false, width: 1, height: 1, columns: 4 },
      { text: 'big', align: 'right', bold: true, width: 2, height: 2, columns: 6 },
      { text: 'tall', align: 'right', bold: true, width: 1, height: 2, columns: 4 },
    ]);
  });

  it('reads a QR code: model, module size, correction and the stored payload, once printed', () => {
    const d = decodeEscpos(b(INIT, qrBytes(Buffer.from('https://例子.cn/q?c=Q7K2', 'utf8')), LF));
    expect(d.qr).toEqual(['https://例子.cn/q?c=Q7K2']);
    expect(d.qrCodes[0]).toEqual({ payload: 'https://例子.cn/q?c=Q7K2', model: 2, moduleSize: 5, errorCorrection: 'H' });
  });

  it('does not count a QR code that was stored but never printed', () => {
    expect(decodeEscpos(b(INIT, qrBytes(Buffer.from('x'), false))).qr).toEqual([]);
  });

  it('skips QR payload bytes that look like commands (LF, DLE EOT) by using the length', () => {
    const d = decodeEscpos(b(INIT, qrBytes(Buffer.from([0x41, 0x0a, 0x10, 0x04, 0x04, 0x1b, 0x40]))));
    expect(d.qr).toEqual(['A\n\x10\x04\x04\x1b@']);
    expect(d.statusRequests).toEqual([]);
    expect(d.lines).toEqual([]);
  });

  it('recognises the cut forms and refuses a cut in the middle of a line', () => {
    expect(decodeEscpos(b([0x1d, 0x56, 0x00])).cuts).toBe(1);
    expect(decodeEscpos(b([0x1d, 0x56, 0x31])).cuts).toBe(1);
    expect(decodeEscpos(b([0x1d, 0x56, 0x42, 0x03])).cuts).toBe(1);
    const mid = decodeEscpos(b('abc', [0x1d, 0x56, 0x00], LF));
    expect(mid.cut).toBe(false);
    expect(mid.problems.join()).toContain('GS V not at the beginning');
    expect(decodeEscpos(b(INIT, LF)).cut).toBe(false);
  });

  it('feeds with ESC d: the first feed ends the pending line, the rest are blank lines', () => {
    const d = decodeEscpos(b(INIT, 'x', [0x1b, 0x64, 0x03]));
    expect(d.lines).toEqual(['x', '', '']);
    expect(decodeEscpos(b(INIT, [0x1b, 0x64, 0x02])).lines).toEqual(['', '']);
  });

  it('lists unknown commands instead of skipping them silently', () => {
    const d = decodeEscpos(b(INIT, [0x1b, 0x99], [0x1d, 0x72, 0x01], [0x1c, 0x70], [0x07], [0x10, 0x14], 'ok', LF));
    // An unknown command's parameters cannot be known, so GS r's 0x01 shows up on its own too.
    expect(d.unknown).toEqual(['ESC 0x99', 'GS 0x72', 'control 0x01', 'FS 0x70', 'control 0x07', 'DLE 0x14']);
  });

  it('skips a GS ( command it does not know by its length and names it', () => {
    const d = decodeEscpos(b(INIT, [0x1d, 0x28, 0x4c, 0x02, 0x00, 0x30, 0x45], 'ok', LF));
    expect(d.unknown).toEqual(['GS ( 0x4c']);
    expect(d.lines).toEqual(['ok']);
  });

  it('reports a command cut off at the end of the stream and text never ended by LF', () => {
    const d = decodeEscpos(b(INIT, 'tail', [0x1d, 0x28, 0x6b, 0x10, 0x00, 0x31]));
    expect(d.problems.some((p) => p.startsWith('truncated command'))).toBe(true);
    expect(d.problems.some((p) => p.includes('"tail"'))).toBe(true);
  });

  it('decodes the same whether the bytes come whole or one at a time, answering DLE EOT as it arrives', () => {
    const bytes = b(
      INIT,
      CHINESE,
      [0x1b, 0x61, 0x01],
      '调解中心𠀀',
      LF,
      [0x10, 0x04, 0x04],
      qrBytes(Buffer.from('Q7K2')),
      LF,
      [0x1d, 0x56, 0x42, 0x03],
    );
    const onStatusRequest = vi.fn();
    const dec = new EscposDecoder({ onStatusRequest });
    for (const byte of bytes) dec.push(Buffer.from([byte]));
    const piecewise = dec.finish();
    const whole = decodeEscpos(bytes);
    expect(onStatusRequest).toHaveBeenCalledWith(4);
    expect(piecewise.lines).toEqual(whole.lines);
    expect(piecewise.lines[0]).toBe('调解中心𠀀');
    expect(piecewise.qr).toEqual(['Q7K2']);
    expect(piecewise.cut).toBe(true);
    expect(piecewise.raw.equals(bytes)).toBe(true);
    expect(piecewise.problems).toEqual([]);
  });
});
