/**
 * 人民调解协议书: every item 人民调解法 Art. 29 asks for, with the fixture's real values, in the
 * .docx (unzipped, XML parsed) and in the PDF printed from the HTML view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/services/documents/builders';
import { contentHash, modelText } from '../../../electron/services/documents/model';
import { RARE, tenParty, twoParty } from './fixtures';
import { attrOf, child, findAll, ink, PdfPrinter, renderAndCheck, wordText } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese, as the terms are numbered (written out here, not taken from the builders). */
const CN = Array.from({ length: 99 }, (_, i) => {
  const n = i + 1;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${DIGITS[n % 10]}`;
});

function contains(text: string) {
  const flat = ink(text);
  return (s: string) => expect(flat, s).toContain(ink(s));
}

describe('人民调解协议书', () => {
  it('two parties and an agent: every item of 人民调解法 Art. 29, the copies, the 30-day note and the seal', async () => {
    const input = twoParty();
    const a = input.case.agreement!;
    expect(a.terms.join('').length).toBeGreaterThanOrEqual(2000);
    const model = buildDocument('agreement', input);
    const { docx, html, pages, missing } = await renderAndCheck(model, printer);
    const has = contains(docx.text);

    has('人民调解协议书');
    has('编号：（2026）牧王调字第0012号');
    // (一) each party's basic information — the person, the organisation, the agent.
    for (const p of input.parties) {
      has(p.name);
      if (p.idNumber) has(p.idNumber);
      if (p.address) has(p.address);
      if (p.phone) has(p.phone);
    }
    has(`申请人姓名王${RARE}性别女民族汉族出生日期1968年5月21日职业退休职工`);
    has('居民身份证号码410711196805210429');
    has('被申请人名称新乡市"牧野"<建材>&装饰有限公司统一社会信用代码91410711MA44ABCD1X法定代表人赵卫东');
    has(`委托代理人姓名李明远性别男被代理人王${RARE}代理权限特别授权`);
    // (二) facts, matters in dispute, responsibility.
    has(`纠纷主要事实、争议事项：${input.case.summary}`);
    has(input.case.claims);
    has(`各方当事人的责任：${a.responsibility}`);
    // (三) the agreement: the sentence, every numbered term, performance.
    has('经牧野区王村镇人民调解委员会主持调解，各方当事人在平等协商、互谅互让的基础上，自愿达成如下协议：');
    a.terms.forEach((t, i) => has(`${CN[i]}、${t}`));
    has(`履行方式：${a.performanceMethod}`);
    has(`履行地点：${a.performancePlace}`);
    has(`履行期限：${a.performanceDeadline}`);
    // Art. 29 ¶2 effect; copies = 2 parties + 1 (the agent holds none of its own).
    has('本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效');
    has('本协议一式三份，当事人各执一份，人民调解委员会留存一份。');
    // Art. 33: the joint application for 司法确认 within 30 days.
    has('本协议生效之日起30日内，各方当事人可以共同向人民法院申请司法确认');
    // Signatures for every party and the agent, mediator, recorder, the seal, the date.
    has(`申请人：王${RARE}签名（捺印）：`);
    has('委托代理人：李明远签名（捺印）：');
    has('被申请人：新乡市"牧野"<建材>&装饰有限公司（盖章）法定代表人或委托代理人（签名）：');
    has('人民调解员（签名）：');
    has('记录人（签名）：');
    has('牧野区王村镇人民调解委员会（印）2026年3月17日');
    expect(ink(docx.text)).not.toContain('委派');

    // Reading order: terms, performance, copies, note, then the signature area.
    const t = ink(docx.text);
    const order = ['自愿达成如下协议', '一、', '履行期限', '一式三份', '30日内', `申请人：王${RARE}`, '人民调解员（签名）', '（印）'];
    const at = order.map((s) => t.indexOf(ink(s)));
    expect(at).toEqual([...at].sort((x, y) => x - y));

    // The 编号 line is right-aligned; the title is centred.
    const paras = findAll(docx.document, 'w:p');
    const numberPara = paras.find((p) => wordText([p]).startsWith('编号：'));
    expect(attrOf(child(child(numberPara, 'w:pPr'), 'w:jc'), 'w:val')).toBe('right');
    expect(attrOf(child(child(paras[0], 'w:pPr'), 'w:jc'), 'w:val')).toBe('center');

    // XML specials and the Ext. B character are stored exactly.
    expect(docx.documentXml).toContain('新乡市&quot;牧野&quot;&lt;建材&gt;&amp;装饰有限公司');
    expect(docx.documentXml).toContain(`王${RARE}`);
    expect(html).toContain('新乡市&quot;牧野&quot;&lt;建材&gt;&amp;装饰有限公司');
    expect(html).not.toContain('<建材>');
    expect(html).toContain(`王${RARE}`);

    // The signature area moved whole: the page with the seal has every signature line on it.
    const sealPage = pages.find((p) => p.includes('（印）')) ?? '';
    const strip = (s: string) => [...ink(s)].filter((c) => !missing.includes(c)).join('');
    for (const line of ['申请人：王', '委托代理人：李明远', '被申请人：新乡市', '人民调解员（签名）', '记录人（签名）']) {
      expect(strip(sealPage)).toContain(strip(line));
    }
  });

  it('ten parties on a court-delegated case: all ten blocks, the court and its number, copies for parties, committee and court', async () => {
    const input = tenParty();
    const model = buildDocument('agreement', input);
    const { docx } = await renderAndCheck(model, printer);
    const has = contains(docx.text);
    for (const p of input.parties) {
      has(p.name);
      has(p.idNumber ?? p.creditCode ?? '');
      has(p.address ?? '');
      has(`${p.name}${p.kind === 'org' ? '（盖章）法定代表人或委托代理人（签名）：' : '签名（捺印）：'}`);
    }
    // Numbered roles where a role occurs more than once; a passport for one agent.
    has('申请人（一）');
    has('申请人（三）');
    has('被申请人（六）');
    has('第三人姓名胡文博');
    has('年龄71岁');
    has('护照号码E12345678');
    // 特邀调解规定 Art. 24: the court and its reference number; one copy is filed with it.
    has('委派法院：新乡市牧野区人民法院');
    has('委派调解案号：（2026）豫0711民诉前调1234号');
    has('本协议一式十二份，当事人各执一份，人民调解委员会留存一份，报送新乡市牧野区人民法院备案一份。');
    has('本协议生效之日起30日内，各方当事人可以共同向人民法院申请司法确认');
    input.case.agreement!.terms.forEach((t, i) => has(`${CN[i]}、${t}`));
    // Two mediators on the case: two signature lines.
    expect(docx.text.split('人民调解员（签名）：').length - 1).toBe(2);
    has('牧野区王村镇人民调解委员会（印）');
  });

  it('the content hash is the model, byte for byte', () => {
    const a = buildDocument('agreement', twoParty());
    const b = buildDocument('agreement', twoParty());
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(modelText(a)).toBe(modelText(b));
    const changed = twoParty();
    changed.case.agreement!.terms[0] += '。';
    expect(contentHash(buildDocument('agreement', changed))).not.toBe(contentHash(a));
    // A JSON round trip (how it is stored) keeps the hash.
    expect(contentHash(JSON.parse(JSON.stringify(a)) as typeof a)).toBe(contentHash(a));
  });
});

describe('the agreed amount', () => {
  it('follows the terms in figures and in words wherever they are quoted; no amount, no line', () => {
    const i = twoParty();
    i.case.agreedAmountFen = 9_990_000;
    const line = '协议金额：人民币99,900.00元（大写：玖万玖仟玖佰元整）';
    for (const type of ['agreement', 'confirmation-application', 'followup-record'] as const) {
      const text = ink(modelText(buildDocument(type, i)));
      expect(text, type).toContain(ink(`${i.case.agreement!.terms.at(-1)!}${line}`));
    }
    const entrusted = {
      ...i,
      case: {
        ...i.case,
        courtReferral: { mode: 'entrusted' as const, court: '新乡市牧野区人民法院', referenceNumber: '（2026）豫0711民初567号' },
      },
    };
    expect(ink(modelText(buildDocument('court-result-report', entrusted)))).toContain(ink(line));
    expect(modelText(buildDocument('agreement', twoParty()))).not.toContain('协议金额');
  });
});
