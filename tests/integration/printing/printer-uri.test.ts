import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import { parsePrinterUri, printerAddress } from '../../../electron/services/printing/printer-uri';

function validationError(input: unknown): AppError {
  try {
    parsePrinterUri(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    expect((e as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    return e as AppError;
  }
  throw new Error(`accepted ${String(input)}`);
}

describe('printer addresses', () => {
  it.each([
    ['tcp://192.168.1.50:9100', '192.168.1.50', 9100],
    ['TCP://192.168.1.50:9101/', '192.168.1.50', 9101],
    ['tcp://192.168.1.50', '192.168.1.50', 9100],
    ['192.168.1.50:9100', '192.168.1.50', 9100],
    ['  192.168.1.50  ', '192.168.1.50', 9100],
    ['192.168.1.50：9100', '192.168.1.50', 9100], // full-width colon from a Chinese IME
    ['１９２.１６８.１.５０:９１００', '192.168.1.50', 9100],
    ['Printer-Counter1.local:9100', 'printer-counter1.local', 9100],
    ['tcp://[::1]:9100', '::1', 9100],
    ['::1', '::1', 9100],
  ])('accepts %s', (input, host, port) => {
    const p = parsePrinterUri(input);
    expect(p).toMatchObject({ kind: 'tcp', host, port });
  });

  it('normalises to tcp://HOST:PORT and formats an address for messages', () => {
    expect(parsePrinterUri('10.0.0.7').uri).toBe('tcp://10.0.0.7:9100');
    expect(parsePrinterUri('tcp://[::1]:9100').uri).toBe('tcp://[::1]:9100');
    expect(printerAddress(parsePrinterUri('10.0.0.7:9101'))).toBe('10.0.0.7:9101');
    expect(printerAddress(parsePrinterUri('printer:前台小票机'))).toBe('系统打印机“前台小票机”');
  });

  it('accepts system printers by name, spaces included', () => {
    expect(parsePrinterUri('printer:XP-80C')).toEqual({ kind: 'system', name: 'XP-80C', uri: 'printer:XP-80C' });
    expect(parsePrinterUri('printer:前台 小票机')).toMatchObject({ kind: 'system', name: '前台 小票机' });
  });

  it.each([
    [''],
    ['   '],
    ['tcp://'],
    ['http://192.168.1.50:9100'],
    ['usb://printer'],
    ['192.168.1.300'],
    ['192.168.1.50:0'],
    ['192.168.1.50:65536'],
    ['192.168.1.50:port'],
    ['192.168.1.50:'],
    ['192.168.1.50:9100:1'],
    ['tcp://192.168.1.50:9100/path'],
    ['打印机'],
    ['bad host'],
    ['-host-'],
    ['user@192.168.1.50'],
    ['tcp://[zz::1]:9100'],
    ['printer:'],
    ['printer:  '],
    ['printer:a\u001bb'],
  ])('refuses %j with a Chinese VALIDATION message', (input) => {
    validationError(input);
  });

  it('refuses non-strings', () => {
    validationError(undefined);
    validationError(9100);
  });

  it('says what was wrong', () => {
    expect(validationError('192.168.1.50:70000').message).toContain('1–65535');
    expect(validationError('192.168.1.300').message).toContain('不是有效的 IP 地址');
    expect(validationError('http://x').message).toContain('不支持');
  });
});
