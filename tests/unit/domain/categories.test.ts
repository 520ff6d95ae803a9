import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CATEGORIES,
  CATEGORY_CODES,
  REPORTING_TYPES,
  categoryCodeSchema,
  categoryLabel,
  isCategoryCode,
  reportingTypeOf,
} from '../../../electron/common/domain/categories';

const STANDARD_LABELS = [
  '婚姻家庭',
  '邻里',
  '房屋宅基地',
  '合同',
  '生产经营',
  '损害赔偿',
  '山林土地',
  '征地拆迁',
  '环境污染',
  '劳动争议',
  '消费',
  '医疗',
  '道路交通事故',
  '物业',
  '其他',
];

describe('categories', () => {
  it('lists the fifteen reporting types in order, then the three policy categories', () => {
    expect(CATEGORIES).toHaveLength(18);
    expect(CATEGORIES.slice(0, 15).map((c) => c.label)).toEqual(STANDARD_LABELS);
    expect(CATEGORIES.slice(15).map((c) => c.label)).toEqual(['信访积案', '行政争议', '企业破产']);
  });

  it('maps every standard category to itself and every policy category to a standard one', () => {
    const standard = CATEGORIES.slice(0, 15).map((c) => c.code);
    for (const c of CATEGORIES.slice(0, 15)) expect(c.reportingType).toBe(c.code);
    for (const c of CATEGORIES.slice(15)) {
      expect(standard).toContain(c.reportingType);
      expect(c.reportingType).not.toBe(c.code);
    }
    expect(REPORTING_TYPES).toEqual(standard);
    expect(reportingTypeOf('petition_backlog')).toBe('other');
    expect(reportingTypeOf('administrative')).toBe('other');
    expect(reportingTypeOf('insolvency')).toBe('business');
    expect(reportingTypeOf('labor')).toBe('labor');
  });

  it('has unique snake_case codes usable with z.enum', () => {
    expect(new Set(CATEGORY_CODES).size).toBe(18);
    for (const code of CATEGORY_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(CATEGORY_CODES).toEqual(CATEGORIES.map((c) => c.code));
    expect(z.enum(CATEGORY_CODES).parse('neighbor')).toBe('neighbor');
    expect(categoryCodeSchema.safeParse('neighbour').success).toBe(false);
  });

  it('labels codes in Chinese and shows unknown codes as they are', () => {
    expect(categoryLabel('traffic_accident')).toBe('道路交通事故');
    expect(categoryLabel('insolvency')).toBe('企业破产');
    expect(categoryLabel('no_such')).toBe('no_such');
    expect(isCategoryCode('marriage_family')).toBe(true);
    expect(isCategoryCode('婚姻家庭')).toBe(false);
    expect(isCategoryCode(3)).toBe(false);
  });
});
