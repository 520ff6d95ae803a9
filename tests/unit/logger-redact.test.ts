import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../electron/services/core/logger';
import { tempDir } from '../support/tmp';

describe('log redaction', () => {
  it('masks resident ID numbers, phone numbers and secrets', () => {
    const line = redact('张三 身份证 41071119900101123X 电话 13812345678 座机 0373-1234567 Authorization: Bearer abc.def token=s3cr3t');
    expect(line).not.toContain('41071119900101123X');
    expect(line).toContain('4107**********123X');
    expect(line).toContain('138****5678');
    expect(line).not.toContain('1234567');
    expect(line).not.toContain('abc.def');
    expect(line).not.toContain('s3cr3t');
  });

  it('redacts metadata written to the rotating log file', async () => {
    const t = tempDir();
    const logger = createLogger({ logsDir: t.dir });
    logger.info('party added', { idNumber: '410711199001011234', phone: '13912345678', password: 'hunter2' });
    await logger.close();
    const text = fs.readdirSync(t.dir).filter((f) => f.endsWith('.log')).map((f) => fs.readFileSync(`${t.dir}/${f}`, 'utf8')).join('');
    expect(text).toContain('party added');
    expect(text).not.toContain('410711199001011234');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('hunter2');
    t.cleanup();
  });
});
