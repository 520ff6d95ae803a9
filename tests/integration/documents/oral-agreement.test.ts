/**
 * Oral agreements (人民调解法 第二十八条): never printed as a written 协议书 (refused with the reason);
 * recorded in the 调解记录 of the session where they were reached, with their content and the
 * parties' confirmation and signatures. Through the API too: the option lists say why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORAL_AGREEMENT_REASON } from '../../../electron/common/domain/agreement';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import { cnNumber } from '../../../electron/services/documents/builders/common';
import type { DocumentInput } from '../../../electron/services/documents/input';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import type { TestApp } from '../../support/backend';
import { dayIs, steps } from '../court/helpers';
import { RARE, twoParty } from './fixtures';
import { ink, readDocx } from './harness';
import { startedCase } from './started-case';

function oral(): DocumentInput {
  const i = twoParty();
  i.case.agreement = { ...i.case.agreement!, oral: true };
  return i;
}

const atSession = (i: DocumentInput, n: number): DocumentInput => ({ ...i, session: i.sessions[n]! });

describe('an oral agreement in the documents', () => {
  it('the 人民调解协议书 is refused with the reason', () => {
    expect(documentFits('agreement', oral())).toEqual({ ok: false, reason: ORAL_AGREEMENT_REASON });
    expect(ORAL_AGREEMENT_REASON).toContain('口头协议记入调解记录');
    expect(() => buildDocument('agreement', oral())).toThrow(/口头协议记入调解记录/);
  });

  it('the record of the last session holds the content, the confirmation and the signatures', async () => {
    const i = oral();
    const text = ink((await readDocx(await renderDocx(buildDocument('session-record', atSession(i, 1))))).text);
    expect(text).toContain(ink('口头调解协议：经人民调解员主持调解，各方当事人自愿达成口头调解协议'));
    i.case.agreement!.terms.forEach((t, n) => expect(text).toContain(ink(`${cnNumber(n + 1)}、${t}`)));
    expect(text).toContain(ink(`履行期限：${i.case.agreement!.performanceDeadline}`));
    expect(text).toContain('本口头调解协议于2026年3月17日达成，口头调解协议自各方当事人达成协议之日起生效');
    expect(text).toContain('当事人确认：以上协议内容属实，同意履行。');
    // The confirmation stands before the signatures of every party.
    const confirm = text.indexOf('当事人确认');
    for (const who of [
      `申请人：王${RARE}签名（捺印）：`,
      '被申请人：新乡市"牧野"<建材>&装饰有限公司（盖章）法定代表人或委托代理人（签名）：',
      '委托代理人：李明远签名（捺印）：',
    ]) {
      expect(text.indexOf(ink(who)), who).toBeGreaterThan(confirm);
    }
  });

  it('an earlier session’s record and a written agreement’s record do not carry it', () => {
    expect(JSON.stringify(buildDocument('session-record', atSession(oral(), 0)))).not.toContain('口头调解协议');
    expect(JSON.stringify(buildDocument('session-record', atSession(twoParty(), 1)))).not.toContain('口头调解协议');
  });

  it('the 司法确认申请书 lists the 调解记录 among the materials, not a 协议书', () => {
    const text = JSON.stringify(buildDocument('confirmation-application', oral()));
    expect(text).toContain('载明口头调解协议内容并经当事人签名确认的调解记录一份；');
    expect(text).not.toContain('人民调解协议书一份');
  });
});

describe('an oral agreement through the API', () => {
  let app: TestApp;
  let s: string;
  let caseId: string;
  beforeAll(async () => {
    ({ app, s, caseId } = await startedCase());
    s = await dayIs(app, '2026-11-12');
    await app.call(
      'sessions.add',
      {
        caseId,
        session: {
          heldAt: '2026-11-12T09:30',
          place: '王村调解室',
          participants: '张建国、李秀英',
          record: '双方同意口头达成协议。',
          recorder: '刘洋',
        },
      },
      s,
    );
    await steps(app, s, caseId, [
      ['agree', { agreement: { terms: ['李秀英于2026年11月30日前拆除越界院墙'], oral: true }, agreementEffectiveAt: '2026-11-12' }],
    ]);
  }, 60_000);
  afterAll(() => app?.close());

  it('the options say why there is no 协议书; generating it is refused; the session record carries the agreement', async () => {
    const options = await app.call('documents.types', { caseId }, s);
    expect(options.find((o) => o.type === 'agreement')).toMatchObject({ fits: false, reason: ORAL_AGREEMENT_REASON });
    const refused = await app.raw({ op: 'documents.generate', session: s, input: { caseId, type: 'agreement' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(JSON.stringify(refused)).toContain('口头协议记入调解记录');
    const rec = await app.call('documents.generate', { caseId, type: 'session-record' }, s);
    const text = ink((await readDocx(Buffer.from((await app.call('documents.docx', { id: rec.id }, s)).base64, 'base64'))).text);
    expect(text).toContain('一、李秀英于2026年11月30日前拆除越界院墙');
    expect(text).toContain('当事人确认：以上协议内容属实，同意履行。');
    expect(text).toContain(ink('申请人：张建国签名（捺印）：'));
  });
});
