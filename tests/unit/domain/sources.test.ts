import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_DAYS,
  PROACTIVE_SOURCE,
  SOURCES,
  SOURCE_CODES,
  courtModeOf,
  isReportedSource,
  isSourceCode,
  missingReporterFields,
  requiredReporterFields,
  sourceCodeSchema,
  sourceLabel,
} from '../../../electron/common/domain/sources';

describe('sources', () => {
  it('uses exactly the codes of district-api.md, in its order', () => {
    expect(SOURCE_CODES).toEqual([
      'walk_in',
      'grid_report',
      'petition_referral',
      'informant_report',
      'court_delegated',
      'court_entrusted',
      'agency_referral',
      'hotline',
      'other',
    ]);
    for (const s of SOURCES) expect(s.label).toMatch(/[\u4e00-\u9fff]/);
    expect(sourceCodeSchema.parse('hotline')).toBe('hotline');
    expect(sourceCodeSchema.safeParse('proactive').success).toBe(false);
  });

  it('records 主动调解 as other', () => {
    expect(PROACTIVE_SOURCE).toBe('other');
    expect(sourceLabel('other')).toContain('主动调解');
    expect(sourceLabel('petition_referral')).toContain('访调对接');
    expect(sourceLabel('nope')).toBe('nope');
    expect(isSourceCode('walk_in')).toBe(true);
    expect(isSourceCode('walkin')).toBe(false);
  });

  it('says which sources are reported and which reporter fields they need', () => {
    const reported = SOURCE_CODES.filter(isReportedSource);
    expect(reported).toEqual(['grid_report', 'petition_referral', 'informant_report']);
    expect(requiredReporterFields('grid_report')).toEqual(['reporterName', 'reporterGrid']);
    expect(requiredReporterFields('petition_referral')).toEqual(['petitionReference']);
    expect(requiredReporterFields('informant_report')).toEqual(['reporterName']);
    expect(requiredReporterFields('walk_in')).toEqual([]);
    expect(requiredReporterFields('court_delegated')).toEqual([]);
  });

  it('names the missing reporter fields in Chinese', () => {
    expect(missingReporterFields('grid_report', { reporterName: '李网格', reporterGrid: '  ' })).toEqual({
      reporterGrid: '网格员上报的案件须填写所属网格',
    });
    expect(Object.keys(missingReporterFields('petition_referral', {}))).toEqual(['petitionReference']);
    expect(missingReporterFields('grid_report', { reporterName: '李网格', reporterGrid: '第3网格' })).toEqual({});
    expect(missingReporterFields('walk_in', {})).toEqual({});
  });

  it('has default deadline days per source: 30, court_entrusted 15', () => {
    expect(DEFAULT_DEADLINE_DAYS).toEqual({
      walk_in: 30,
      grid_report: 30,
      petition_referral: 30,
      informant_report: 30,
      court_delegated: 30,
      court_entrusted: 15,
      agency_referral: 30,
      hotline: 30,
      other: 30,
    });
  });

  it('tells the court referral mode of court sources', () => {
    expect(courtModeOf('court_delegated')).toBe('delegated');
    expect(courtModeOf('court_entrusted')).toBe('entrusted');
    expect(courtModeOf('agency_referral')).toBeNull();
  });
});
