/**
 * The contract boundary (issue #12 items 10 and 11): every validation message a user can see is
 * Chinese, and no text field keeps control characters or direction overrides, whatever the
 * operation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../electron/common/api';
import { hasUnsafeChars, stripUnsafeChars } from '../../../electron/common/text';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

/** A message with English in it: three or more Latin letters in a row, apart from the date pattern shown to people. */
const ENGLISH = /[A-Za-z]{3,}/;
const withoutAllowed = (m: string) => m.replace(/YYYY-MM-DD/g, '');

describe('validation messages', () => {
  let app: TestApp;
  let session: string;
  beforeAll(async () => {
    app = await startTestApp();
    session = await app.login();
  });
  afterAll(() => app.close());

  it('answers a wrong type in Chinese (it said "Invalid input: expected string" before)', async () => {
    const res = await app.raw({ op: 'cases.list', input: { page: '第二页' }, session });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(withoutAllowed(res.error.message)).not.toMatch(ENGLISH);
    expect(res.error.fields?.page).toBe('应为数字，收到的是文字');
  });

  it('answers every operation of the contract in Chinese for any malformed input', async () => {
    const ops = Object.keys(api);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.dictionary(
            fc.constantFrom('id', 'caseId', 'title', 'page', 'party', 'patch', 'version', 'name', 'kind', 'from', 'to'),
            fc.anything({ maxDepth: 1 }),
          ),
        ),
        async (op, input) => {
          const res = await app.raw({ op, input, session });
          if (res.ok) return;
          expect(res.error.message, `${op} ${JSON.stringify(input)}`).toMatch(/[\u4e00-\u9fff]/);
          for (const m of [res.error.message, ...Object.values(res.error.fields ?? {})]) {
            expect(withoutAllowed(m), `${op}: ${m}`).not.toMatch(ENGLISH);
          }
        },
      ),
      { numRuns: 600, seed: 20261203 },
    );
  });
});

describe('text fields', () => {
  const HOSTILE = ['\u0000', '\u202E', '\u202D', '\u2066', '\u200F', '\u0007', '\u001B', '\u0085', '\u009B', '\u007F'];

  it('strips controls and direction overrides from every string, keeping lines and ordinary text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.constantFrom('张三', '\n', '\t', '𠀀', '😀'))),
        (parts) => {
          const cleaned = stripUnsafeChars(parts.join(''));
          expect(hasUnsafeChars(cleaned)).toBe(false);
          // Nothing but the unsafe characters goes: the safe parts keep their order.
          expect(cleaned).toBe(
            parts
              .join('')
              .split('')
              .filter(
                (c, i, all) =>
                  !hasUnsafeChars(c) ||
                  (/[\uD800-\uDBFF]/.test(c) && /[\uDC00-\uDFFF]/.test(all[i + 1] ?? '')) ||
                  (/[\uDC00-\uDFFF]/.test(c) && /[\uD800-\uDBFF]/.test(all[i - 1] ?? '')),
              )
              .join(''),
          );
        },
      ),
      { numRuns: 500 },
    );
    expect(stripUnsafeChars('第一行\n第二行\t𠀀')).toBe('第一行\n第二行\t𠀀');
  });

  it('stores no NUL or right-to-left override from a registration, and the agreement prints without them', async () => {
    const app = await startTestApp();
    try {
      const s = await app.login();
      const base = walkInCase();
      const applicant = { ...base.parties[0]!, name: '张\u202E建国\u0000' };
      const c = await app.call(
        'cases.register',
        { ...base, title: '宅基地\u202E边界纠纷\u0000', summary: '第一行\n第二行\u0007', parties: [applicant, base.parties[1]!] },
        s,
      );
      expect(c.title).toBe('宅基地边界纠纷');
      expect(c.summary).toBe('第一行\n第二行');
      expect(c.parties.map((p) => p.name)).toContain('张建国');
      const raw = app.backend.app.ctx.db.sqlite.prepare('SELECT title, summary FROM cases WHERE id = ?').get(c.id) as {
        title: string;
        summary: string;
      };
      expect(hasUnsafeChars(raw.title + raw.summary)).toBe(false);
      const names = app.backend.app.ctx.db.sqlite.prepare('SELECT name FROM parties WHERE case_id = ?').all(c.id) as { name: string }[];
      expect(names.some((n) => hasUnsafeChars(n.name))).toBe(false);
    } finally {
      app.close();
    }
  });
});
