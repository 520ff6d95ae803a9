import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import {
  EXCLUDED_MATTERS,
  EXCLUDED_MATTER_CODES,
  assertConfirmable,
  excludedMatterSchema,
  isExcludedMatter,
} from '../../../electron/common/domain/confirmation';

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('司法确认 exclusions', () => {
  it('codes identity, adoption and marriage with labels and the legal reason', () => {
    expect(EXCLUDED_MATTER_CODES).toEqual(['identity', 'adoption', 'marriage']);
    expect(EXCLUDED_MATTERS.map((m) => m.label)).toEqual(['确认身份关系', '确认收养关系', '确认婚姻关系']);
    for (const m of EXCLUDED_MATTERS) expect(m.reason).toContain('第四条');
    expect(excludedMatterSchema.safeParse('marriage').success).toBe(true);
  });

  it('refuses excluded matters with REFUSED and the reason', () => {
    const e = refusal(() => assertConfirmable('marriage'));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toContain('婚姻关系');
    expect(e.message).toContain('第（四）项');
    expect(refusal(() => assertConfirmable('adoption')).message).toContain('收养关系');
    expect(refusal(() => assertConfirmable(['contract', 'identity'])).message).toContain('身份关系');
  });

  it('lets other agreements through', () => {
    expect(() => assertConfirmable(null)).not.toThrow();
    expect(() => assertConfirmable(undefined)).not.toThrow();
    expect(() => assertConfirmable([])).not.toThrow();
    expect(() => assertConfirmable('contract')).not.toThrow();
    expect(isExcludedMatter('identity')).toBe(true);
    expect(isExcludedMatter('divorce_property')).toBe(false);
  });
});
