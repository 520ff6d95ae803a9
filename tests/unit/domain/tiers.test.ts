import { describe, expect, it } from 'vitest';
import { TIERS, TIER_LABELS, isTier, nextTier, tierLabel, tierRank, tierSchema } from '../../../electron/common/domain/tiers';

describe('tiers', () => {
  it('orders village < town < district with Chinese labels', () => {
    expect(TIERS).toEqual(['village', 'town', 'district']);
    expect(TIERS.map(tierRank)).toEqual([0, 1, 2]);
    expect(TIER_LABELS).toEqual({ village: '村（社区）', town: '镇（街道）', district: '区' });
    expect(tierLabel('town')).toBe('镇（街道）');
    expect(tierLabel('county')).toBe('county');
  });

  it('escalates one tier up and not beyond the district', () => {
    expect(nextTier('village')).toBe('town');
    expect(nextTier('town')).toBe('district');
    expect(nextTier('district')).toBeNull();
  });

  it('validates codes', () => {
    expect(isTier('village')).toBe(true);
    expect(isTier('province')).toBe(false);
    expect(tierSchema.safeParse('district').success).toBe(true);
    expect(tierSchema.safeParse('区').success).toBe(false);
  });
});
