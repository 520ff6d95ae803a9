/**
 * documentFits: which documents a case can have, and the reason (in Chinese) when it cannot;
 * buildDocument refuses the same way. Plus the model's own promises: clean text, stable hash.
 */
import { missingAgreementItems } from '../../../electron/common/domain/agreement';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/common/errors';
import { buildDocument, DOCUMENT_TYPES, documentFits } from '../../../electron/services/documents/builders';
import { cnNumber } from '../../../electron/services/documents/builders/common';
import type { DocumentInput } from '../../../electron/services/documents/input';
import { canonicalJson, cleanText, DOCUMENT_TYPE_CODES, modelText, type DocumentType } from '../../../electron/services/documents/model';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';
import { tenParty, tenPartyFailed, twoParty, twoPartyFailed } from './fixtures';
import { ink, readDocx } from './harness';

function refused(type: DocumentType, input: DocumentInput, reason: RegExp) {
  const fit = documentFits(type, input);
  expect(fit.ok).toBe(false);
  if (!fit.ok) expect(fit.reason).toMatch(reason);
  try {
    buildDocument(type, input);
    expect.unreachable('buildDocument should refuse');
  } catch (e) {
    expect(isAppError(e)).toBe(true);
    if (isAppError(e)) {
      expect(e.code).toBe('REFUSED');
      expect(e.message).toContain(DOCUMENT_TYPES[type]);
      expect(e.message).toMatch(reason);
    }
  }
}

describe('documentFits', () => {
  it('the fixtures fit the documents they are meant for', () => {
    for (const make of [twoParty, tenParty]) {
      const input = make();
      input.session = input.sessions[0]!;
      // The agreed case has no record of undisputed facts, no termination; only a referred case
      // (tenParty) reports to the court, and it has no citizen's application.
      const notThis = make === tenParty ? ['application'] : ['court-result-report'];
      for (const type of DOCUMENT_TYPE_CODES.filter((t) => !['undisputed-facts', 'termination-notice', ...notThis].includes(t)))
        expect(documentFits(type, input), type).toEqual({ ok: true });
      expect(documentFits('undisputed-facts', input).ok).toBe(false);
    }
    for (const make of [twoPartyFailed, tenPartyFailed]) {
      const input = make();
      expect(documentFits('undisputed-facts', input)).toEqual({ ok: true });
      expect(documentFits('agreement', input).ok).toBe(false);
      expect(documentFits('intake-form', input)).toEqual({ ok: true });
      expect(documentFits('rights-notice', input)).toEqual({ ok: true });
    }
  });

  it('an agreement needs an agreed outcome, two parties, terms and the way and time of performance (Art. 29)', () => {
    refused('agreement', twoPartyFailed(), /尚未达成调解协议/);
    const withdrawn = twoParty();
    withdrawn.case.outcome = 'withdrawn';
    refused('agreement', withdrawn, /不是达成协议/);
    const alone = twoParty();
    alone.parties = alone.parties.filter((p) => p.role !== 'respondent');
    refused('agreement', alone, /至少两方当事人/);
    const noTerms = twoParty();
    noTerms.case.agreement!.terms = ['  ', ''];
    refused('agreement', noTerms, /调解协议还缺：协议内容（协议条款）（人民调解法第二十九条）$/);
    const noWay = twoParty();
    noWay.case.agreement!.performanceDeadline = '';
    refused('agreement', noWay, /调解协议还缺：履行期限（人民调解法第二十九条）$/);
    // Every Art. 29 item, named together: the responsibility can no longer print empty.
    const bare = twoParty();
    bare.case.summary = ' ';
    bare.case.agreement = { ...bare.case.agreement!, responsibility: '', performanceMethod: '', performanceDeadline: '' };
    refused('agreement', bare, /调解协议还缺：纠纷的主要事实、各方当事人的责任、履行方式、履行期限（人民调解法第二十九条）$/);
    // The application for 司法确认 quotes the agreement: the same rule refuses it.
    const noDeadline = twoParty();
    noDeadline.case.agreement!.performanceDeadline = '';
    refused('confirmation-application', noDeadline, /调解协议还缺：履行期限（人民调解法第二十九条），不能申请司法确认/);
    // An oral agreement (Art. 28) needs only its content.
    const oral = { oral: true, terms: ['被申请人当场赔礼道歉'], responsibility: '', performanceMethod: '' };
    expect(missingAgreementItems({ principals: 2, summary: '', agreement: oral })).toEqual([]);
    expect(missingAgreementItems({ principals: 2, summary: '', agreement: { ...oral, terms: [] } })).toEqual(['terms']);
  });

  it('a record of undisputed facts needs a failed mediation, the parties’ consent, facts and the reason it failed', () => {
    refused('undisputed-facts', twoParty(), /已达成调解协议/);
    const withdrawn = twoPartyFailed();
    withdrawn.case.outcome = 'withdrawn';
    refused('undisputed-facts', withdrawn, /调解不成/);
    const none = twoPartyFailed();
    none.case.undisputed = null;
    refused('undisputed-facts', none, /同意记载/);
    const noConsent = twoPartyFailed();
    noConsent.case.undisputed!.consent = ' ';
    refused('undisputed-facts', noConsent, /未记录各方当事人同意/);
    const noFacts = twoPartyFailed();
    noFacts.case.undisputed!.facts = [];
    refused('undisputed-facts', noFacts, /没有填写无争议的事实/);
    const noReason = twoPartyFailed();
    noReason.case.undisputed!.failureReason = '';
    refused('undisputed-facts', noReason, /未能达成协议的原因/);
  });

  it('a session record needs a session with something recorded', () => {
    refused('session-record', twoParty(), /调解场次/);
    const empty = twoParty();
    empty.session = { ...empty.sessions[0]!, record: '\n ' };
    refused('session-record', empty, /还没有调解情况/);
  });

  it('a 司法确认 application needs an agreement in force, both parties, a court, the 30-day window and a confirmable matter', () => {
    refused('confirmation-application', twoPartyFailed(), /没有调解协议/);
    const alone = twoParty();
    alone.parties = alone.parties.filter((p) => p.role !== 'respondent');
    refused('confirmation-application', alone, /共同申请/);
    const notInForce = twoParty();
    notInForce.case.agreementEffectiveAt = null;
    refused('confirmation-application', notInForce, /尚未生效/);
    const noCourt = twoParty();
    noCourt.confirmation = null;
    refused('confirmation-application', noCourt, /人民法院/);
    // The court that delegated the case is the default (民事诉讼法 Art. 205).
    const delegated = tenParty();
    delegated.confirmation = null;
    expect(documentFits('confirmation-application', delegated)).toEqual({ ok: true });
    // Effective 2026-03-17: the last day is 04-16 (start day not counted); 04-17 is too late.
    const lastDay = twoParty();
    lastDay.confirmation = { court: '新乡市牧野区人民法院', appliedAt: '2026-04-16' };
    expect(documentFits('confirmation-application', lastDay)).toEqual({ ok: true });
    const late = twoParty();
    late.confirmation = { court: '新乡市牧野区人民法院', appliedAt: '2026-04-17' };
    refused('confirmation-application', late, /已超过申请司法确认的期限.*2026年4月16日/);
    const lateToday = twoParty();
    lateToday.confirmation = { court: '新乡市牧野区人民法院' };
    lateToday.today = '2026-05-01';
    refused('confirmation-application', lateToday, /已超过/);
    // A last day moved off a rest day (services/calendar passes it in) lets that day through.
    const moved = twoParty();
    moved.confirmation = { court: '新乡市牧野区人民法院', appliedAt: '2026-04-17' };
    moved.confirmationLastDay = '2026-04-17';
    expect(documentFits('confirmation-application', moved)).toEqual({ ok: true });
    const marriage = twoParty();
    marriage.case.agreement!.excludedMatters = ['marriage'];
    refused('confirmation-application', marriage, /婚姻关系/);
  });

  it('forms need parties; a follow-up needs a follow-up and an agreement', () => {
    const nobody = twoParty();
    nobody.parties = nobody.parties.filter((p) => p.role === 'agent');
    refused('intake-form', nobody, /没有登记当事人/);
    refused('rights-notice', nobody, /没有登记当事人/);
    const noVisit = twoParty();
    noVisit.followup = null;
    refused('followup-record', noVisit, /回访/);
    const failed = twoPartyFailed();
    failed.followup = twoParty().followup!;
    refused('followup-record', failed, /没有调解协议/);
  });

  it('an unknown type is refused, not thrown', () => {
    expect(documentFits('summons' as DocumentType, twoParty())).toEqual({ ok: false, reason: '未知的文书类型：summons' });
  });
});

describe('document model', () => {
  it('every type has a Chinese label and its builder makes a model of that type', () => {
    expect(Object.keys(DOCUMENT_TYPES).sort()).toEqual(
      [
        'agreement',
        'application',
        'confirmation-application',
        'court-result-report',
        'file-cover',
        'case-file',
        'followup-record',
        'intake-form',
        'investigation-record',
        'rights-notice',
        'session-record',
        'termination-notice',
        'undisputed-facts',
      ].sort(),
    );
    const ok = twoParty();
    ok.session = ok.sessions[0]!;
    const failed = { ...twoPartyFailed(), case: { ...twoPartyFailed().case, outcomeNote: '双方分歧较大' } };
    for (const type of DOCUMENT_TYPE_CODES) {
      expect(DOCUMENT_TYPES[type]).toMatch(/[\u4e00-\u9fff]/);
      const input =
        type === 'undisputed-facts' || type === 'termination-notice' ? failed : type === 'court-result-report' ? tenParty() : ok;
      const model = buildDocument(type, input);
      expect(model.type).toBe(type);
      // The report names the kind of referral: 委派调解结果报告 or 委托调解结果报告.
      // The cover and the whole file both carry the cover's title, 人民调解卷宗.
      const printed = { 'court-result-report': '委派调解结果报告', 'file-cover': '人民调解卷宗', 'case-file': '人民调解卷宗' } as Record<
        string,
        string
      >;
      expect(model.title).toBe(printed[type] ?? DOCUMENT_TYPES[type]);
      // Pure data: a JSON round trip is the same model.
      expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    }
  });

  it('canonical JSON sorts keys and drops undefined, so equal models hash equal', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: '𠀀' }] })).toBe('{"a":[{"c":"𠀀"}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('characters XML cannot carry are dropped everywhere alike; 𠀀 and specials are kept', async () => {
    expect(cleanText('a\u0000b\u0007c\r\nd\te\uFFFF\uD800f𠀀<&">')).toBe('abc\nd ef𠀀<&">');
    const input = twoParty();
    input.parties[0]!.name = '王\u0001𠀀\u001F';
    input.parties[2]!.representsName = '王\u0001𠀀\u001F';
    input.case.summary = 'line one\r\nline two\u000B';
    const model = buildDocument('agreement', input);
    expect(modelText(model)).toContain('申请人：王𠀀签名（捺印）');
    const docx = await readDocx(await renderDocx(model));
    expect(ink(docx.text)).toBe(ink(modelText(model)));
    // The control characters XML 1.0 forbids: none may reach the documents.
    // eslint-disable-next-line no-control-regex -- finding those characters is the point
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
    expect(docx.documentXml).not.toMatch(forbidden);
    expect(renderHtml(model)).not.toMatch(forbidden);
  });

  it('the print view escapes every text and loads nothing from outside', () => {
    const html = renderHtml(buildDocument('agreement', twoParty()), {
      fontCss: '@font-face { font-family: "FangSong"; src: url(data:font/woff2;base64,AAAA); }',
    });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('新乡市&quot;牧野&quot;&lt;建材&gt;&amp;装饰有限公司');
    expect(html).not.toMatch(/<建材>|<script|src="http|href="http/);
    expect(html).toContain('@page');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm');
    expect(html).toContain('"仿宋", "仿宋_GB2312", "FangSong_GB2312", "FangSong", "STFangsong", "华文仿宋", "Noto Serif CJK SC"');
    expect(html).toContain('"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "SimHei", "黑体", "Noto Serif CJK SC"');
    expect(html).toContain('break-inside: avoid');
    // The caller's font CSS comes first, so its @font-face is known to the rules that follow.
    expect(html.indexOf('@font-face')).toBeLessThan(html.indexOf('@page'));
  });

  it('numbers are written the Chinese way', () => {
    expect([1, 10, 11, 20, 21, 99, 100, 101, 110, 1005].map(cnNumber)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一千零五',
    ]);
  });
});
