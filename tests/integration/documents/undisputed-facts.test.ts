/**
 * 无争议事实记载: the fields of 法释〔2021〕23号 Art. 21–22 and the limits of its effect
 * (特邀调解规定 Art. 22), with the fixture's values, in the .docx and the printed HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import { contentHash } from '../../../electron/services/documents/model';
import type { DocumentInput } from '../../../electron/services/documents/input';
import { RARE, tenPartyFailed, twoPartyFailed } from './fixtures';
import { ink, PdfPrinter, renderAndCheck } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

async function check(input: DocumentInput) {
  const model = buildDocument('undisputed-facts', input);
  const { docx } = await renderAndCheck(model, printer);
  const flat = ink(docx.text);
  const has = (s: string) => expect(flat, s).toContain(ink(s));
  const u = input.case.undisputed!;

  has('无争议事实记载');
  has(`编号：${input.case.caseNumber}`);
  for (const p of input.parties) {
    has(p.name);
    has(p.idNumber ?? p.creditCode ?? '');
    has(p.address ?? '');
    // Signature and date per party.
    has(`${p.name}${p.kind === 'org' ? '（盖章）法定代表人或委托代理人（签名）：' : '签名（捺印）：'}年月日`);
  }
  has(`人民调解员：${input.mediators.map((m) => m.name).join('、')}`);
  has('记载时间：2026年3月17日');
  has('记载地点：王村镇人民调解委员会调解室');
  has(`当事人同意记载的意见：${u.consent}`);
  has('一、无争议的事实');
  u.facts.forEach((f, i) => has(`${i + 1}．${f}`));
  has('二、尚存争议的事项');
  u.disputedPoints.forEach((d, i) => has(`${i + 1}．${d}`));
  has('三、调解经过及未能达成协议的原因');
  has('本纠纷于2026年3月2日登记受理。牧野区王村镇人民调解委员会自2026年3月10日至2026年3月17日共组织调解二次');
  has(u.failureReason);
  // The notice of legal effect and its limits.
  has('当事人在此后的诉讼程序中对上述无争议的事实无需另行举证，但涉及国家利益、社会公共利益和他人合法权益的除外');
  has('当事人为达成调解协议作出妥协而认可的事实，不属于无争议的事实，本记载不予记载，也不得在其后的诉讼程序中作为对其不利的根据');
  has('人民调解员（签名）：');
  has('牧野区王村镇人民调解委员会（印）');
  // Nothing of an agreement leaks into it.
  expect(flat).not.toContain('自愿达成如下协议');
  return flat;
}

describe('无争议事实记载', () => {
  it('two parties and an agent, walk-in case', async () => {
    const flat = await check(twoPartyFailed());
    expect(flat).toContain(ink(`申请人姓名王${RARE}`));
    expect(flat).toContain('本记载一式三份，当事人各执一份，人民调解委员会留存一份。');
    expect(flat).not.toContain('委派');
  });

  it('ten parties, court-delegated: the court and its reference number, materials go back to the court', async () => {
    const flat = await check(tenPartyFailed());
    expect(flat).toContain('委派法院：新乡市牧野区人民法院');
    expect(flat).toContain('委派调解案号：（2026）豫0711民诉前调1234号');
    expect(flat).toContain('本记载一式十一份，当事人各执一份，人民调解委员会留存一份，并随案件材料移送新乡市牧野区人民法院。');
    expect(flat).toContain('人民调解员：陈秀兰、高志远');
  });

  it('记载时间 is the day the facts were recorded: a reprint on another day is the same document', () => {
    const first = twoPartyFailed();
    const later = { ...twoPartyFailed(), today: '2026-06-30' };
    expect(first.today).not.toBe(later.today);
    const a = buildDocument('undisputed-facts', first);
    const b = buildDocument('undisputed-facts', later);
    expect(contentHash(b)).toBe(contentHash(a));
    expect(JSON.stringify(b)).not.toContain('2026年6月30日');
  });

  it('a record without its day is refused with the reason, not printed with the print date', () => {
    const i = twoPartyFailed();
    i.case.undisputed!.recordedOn = '';
    expect(documentFits('undisputed-facts', i)).toEqual({ ok: false, reason: '未记录无争议事实的记载日期，请在无争议事实记载中保存一次' });
  });
});
