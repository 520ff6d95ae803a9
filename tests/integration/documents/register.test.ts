/**
 * The document register end to end: cases built through the API (an agreement with sessions,
 * 司法确认 and a follow-up; a failed mediation with a record of undisputed facts; a court-delegated
 * agreement), every document type generated where it fits, each .docx unzipped and read for the
 * case's real values; reprinting, a changed term, refusals, the register rows, the files in the
 * data dir, and the HTML print view printed to PDF with the same text as the .docx. Then a sweep
 * over demo data: every type on cases of the demo generator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../electron/common/api/cases';
import { DOC_TYPE_CODES, DOC_TYPE_TITLES, type DocType, type DocumentEntry } from '../../../electron/common/api/documents';
import { makeCreditCode, makeResidentId } from '../../../electron/common/domain/identity';
import { systemActor } from '../../../electron/services/core/context';
import { loadDocumentData } from '../../../electron/services/documents/assemble';
import { DOCUMENT_TYPES, contentHash, modelText, type DocModel } from '../../../electron/services/documents/model';
import { documentDocx, documentOptions, generateDocument } from '../../../electron/services/documents/register';
import { startTestApp, type TestApp } from '../../support/backend';
import { LI, walkInCase, ZHANG, ZHANG_ID } from '../../support/cases';
import { dayIs, mediator, referralInput, steps } from '../court/helpers';
import { demoDir } from '../demo/harness';
import { ink, PdfPrinter, readDocx, withoutPageNumbers, type DocxParts } from './harness';

const printer = new PdfPrinter();
let app: TestApp;
let s: string;

const AGENT_ID = makeResidentId('410702', '1983-06-15', 57);
const ZHAO_ID = makeResidentId('410711', '1980-02-03', 15);
const ORG_CODE = makeCreditCode('91410711MA44ABCD1');
const TERMS = [
  '被申请人李秀英于2026年12月31日前自行拆除越界部分院墙（约0.3米），恢复原宅基地边界',
  '拆除及恢复费用由被申请人承担，申请人张建国给予必要配合',
  '申请人张建国自愿放弃其他赔偿请求，双方今后互谅互让，和睦相处',
];
const FACTS = [
  '申请人赵国强系幸福小区5号楼2单元301室业主，被申请人为该小区物业服务企业。',
  '2026年10月3日301室卫生间顶棚渗水，双方于当日共同查看了现场。',
];
const DISPUTED = ['渗水的原因及责任划分。', '维修费用的数额。'];
const FAILURE = '双方对渗水原因各执一词，经两次调解仍未能达成一致，申请人表示将向人民法院起诉。';

let agreed: CaseDetail;
let failed: CaseDetail;
let delegated: CaseDetail;

/** The .docx of a register entry, read back as a person's tools would. */
async function docxOf(d: DocumentEntry): Promise<DocxParts> {
  const { base64 } = await app.call('documents.docx', { id: d.id }, s);
  return readDocx(Buffer.from(base64, 'base64'));
}

function contains(text: string) {
  const flat = ink(text);
  return (...items: (string | null | undefined)[]) => {
    for (const item of items) {
      if (item === null || item === undefined || item === '') continue;
      expect(flat, item).toContain(ink(item));
    }
  };
}

async function refused(op: 'documents.generate' | 'documents.preview', input: Record<string, unknown>) {
  const res = await app.raw({ op, input, session: s });
  if (res.ok) throw new Error(`${op} was not refused`);
  return res.error;
}

const docFiles = () => {
  const root = path.join(app.dir, 'documents');
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(path.relative(app.dir, path.join(d, e.name)));
    }
  };
  walk(root);
  return out.sort();
};

beforeAll(async () => {
  await printer.start();
  app = await startTestApp({ now: '2026-11-10T09:00:00+08:00' });
  s = await app.login();
  const m = await mediator(app, s, '陈秀兰', {
    kind: 'resident',
    organisation: '牧野区人民调解委员会',
    phone: '13700003333',
    specialties: ['housing_homestead'],
  });

  // A: a walk-in dispute settled by agreement; an agent acts for the applicant.
  const a = await app.call(
    'cases.register',
    walkInCase({
      parties: [
        { ...ZHANG, ethnicity: '汉族', occupation: '农民' },
        { ...LI, ethnicity: '回族', occupation: '个体经营' },
        {
          role: 'agent',
          kind: 'person',
          name: '王明远',
          idType: 'resident_id',
          idNumber: AGENT_ID,
          phone: '13837301122',
          address: '新乡市红旗区平原路100号',
          occupation: '律师',
          representsIndex: 0,
          authority: 'special',
        },
      ],
    }),
    s,
  );
  // B: a failed mediation between a resident and a company, with a record of undisputed facts.
  const b = await app.call(
    'cases.register',
    {
      title: '卫生间渗水维修纠纷',
      category: 'property_management',
      source: 'walk_in',
      tier: 'district',
      summary: '申请人家中卫生间顶棚渗水，认为系物业公司未及时维修公共管道所致，要求维修并赔偿损失。',
      claims: '请求被申请人维修管道并赔偿损失3000元。',
      amountFen: 300000,
      parties: [
        {
          role: 'applicant',
          kind: 'person',
          name: '赵国强',
          idType: 'resident_id',
          idNumber: ZHAO_ID,
          phone: '13603730001',
          address: '新乡市牧野区幸福小区5号楼2单元301室',
          ethnicity: '汉族',
        },
        {
          role: 'respondent',
          kind: 'org',
          name: '新乡市安居物业服务有限公司',
          creditCode: ORG_CODE,
          legalRepresentative: '孙卫东',
          phone: '0373-5551234',
          address: '新乡市牧野区幸福小区物业楼',
        },
      ],
    },
    s,
  );
  // C: delegated by the court before filing (委派), settled by agreement.
  const ref = await app.call(
    'court.registerReferral',
    referralInput({ referral: { referredAt: '2026-11-09', materialsSignedAt: '2026-11-10' } }),
    s,
  );
  for (const id of [a.id, b.id, ref.caseId]) {
    let c = await app.call('cases.get', { id }, s);
    if (c.availableActions.includes('accept')) c = await steps(app, s, id, ['accept']);
    await app.call('cases.assignMediator', { id, version: c.version, mediatorId: m.id }, s);
    await steps(app, s, id, ['start']);
  }

  s = await dayIs(app, '2026-11-12');
  await app.call(
    'sessions.add',
    {
      caseId: a.id,
      session: {
        heldAt: '2026-11-12T09:30',
        place: '王村调解室',
        participants: '张建国、王明远、李秀英',
        record: '调解员告知双方权利义务。\n申请人陈述院墙越界约0.3米；被申请人称系按原地基翻建。',
        recorder: '刘洋',
      },
    },
    s,
  );
  await app.call(
    'sessions.add',
    {
      caseId: b.id,
      session: {
        heldAt: '2026-11-12T14:00',
        place: '中心第二调解室',
        participants: '赵国强、孙卫东',
        record: '双方对渗水原因各执一词。',
        recorder: '刘洋',
      },
    },
    s,
  );
  await app.call(
    'sessions.add',
    {
      caseId: ref.caseId,
      session: {
        heldAt: '2026-11-12T16:00',
        place: '法院诉调对接室',
        participants: '张建国、李秀英',
        record: '双方同意分期支付货款。',
        recorder: '周敏',
      },
    },
    s,
  );

  // Each case had the site seen or a witness asked: 人民调解调查记录.
  for (const [caseId, place, participants, record] of [
    [
      a.id,
      '王村张建国、李秀英两家院墙处',
      '张建国、李秀英、村委会委员王立新',
      '查看院墙，新墙基较旧墙基向东约0.3米；王立新称旧墙系1998年按宅基地证所砌。',
    ],
    [b.id, '和谐家园小区3号楼1单元602室', '赵国强、物业维修工孙小兵', '卫生间顶棚有渗水痕迹约1平方米，楼上公共排水立管接口处有锈蚀。'],
    [ref.caseId, '新乡市某建材有限公司财务室', '公司会计刘敏', '刘敏提供送货单十二张，合计货款三万元，载有李秀英签收字样。'],
  ] as const) {
    await app.call(
      'sessions.add',
      { caseId, session: { kind: 'investigation', heldAt: '2026-11-13T10:00', place, participants, record, recorder: '刘洋' } },
      s,
    );
  }

  s = await dayIs(app, '2026-11-15');
  await app.call(
    'sessions.add',
    {
      caseId: a.id,
      session: {
        heldAt: '2026-11-15T10:00',
        place: '现场',
        participants: '张建国、李秀英、网格员',
        record: '现场丈量，双方确认越界0.3米，达成一致意见。',
        recorder: '刘洋',
      },
    },
    s,
  );
  agreed = await steps(app, s, a.id, [
    [
      'agree',
      {
        agreement: {
          responsibility: '被申请人翻建院墙越界，应承担主要责任。',
          terms: TERMS,
          performanceMethod: '被申请人自行拆除',
          performancePlace: '王村1号与3号之间院墙处',
          performanceDeadline: '2026-12-31',
        },
        agreementEffectiveAt: '2026-11-15',
      },
    ],
  ]);
  failed = await steps(app, s, b.id, [['fail', { reason: FAILURE }]]);
  failed = await app.call(
    'cases.setUndisputed',
    {
      id: b.id,
      version: failed.version,
      undisputed: { consent: true, facts: FACTS, disputedPoints: DISPUTED, failureReason: FAILURE, place: '中心第二调解室' },
    },
    s,
  );
  delegated = await steps(app, s, ref.caseId, [
    [
      'agree',
      {
        agreement: {
          responsibility: '被申请人未按约付款，应承担违约责任。',
          terms: ['被申请人于2026年12月20日前支付货款30000元'],
          performanceMethod: '银行转账',
          performanceDeadline: '2026-12-20',
        },
        agreementEffectiveAt: '2026-11-15',
      },
    ],
  ]);

  s = await dayIs(app, '2026-11-18');
  await app.call('confirmations.apply', { caseId: a.id, court: '新乡市牧野区人民法院', appliedAt: '2026-11-18' }, s);
  await app.call('followups.schedule', { caseId: a.id, dates: ['2026-11-19'] }, s);
  s = await dayIs(app, '2026-11-20');
  const f = (await app.call('followups.list', { caseId: a.id }, s)).followups[0]!;
  await app.call(
    'followups.record',
    {
      id: f.id,
      version: f.version,
      doneAt: '2026-11-19',
      method: 'phone',
      performance: 'partly',
      notes: '电话回访张建国，被申请人已拆除一半院墙，承诺月底前拆完。',
      visitor: '陈秀兰',
    },
    s,
  );
  agreed = await app.call('cases.get', { id: a.id }, s);
}, 120_000);

afterAll(async () => {
  await printer.stop();
  app?.close();
});

/** Every document the case can have now, generated and registered: type (and subject) → entry. */
async function generateAll(c: CaseDetail): Promise<Map<string, DocumentEntry>> {
  const out = new Map<string, DocumentEntry>();
  for (const o of await app.call('documents.types', { caseId: c.id }, s)) {
    if (!o.fits) continue;
    const d = await app.call('documents.generate', { caseId: c.id, type: o.type, subjectId: o.subjectId }, s);
    expect(d).toMatchObject({ type: o.type, subjectId: o.subjectId, created: true, docVersion: expect.any(Number) });
    out.set(o.subjectLabel ? `${o.type}:${o.subjectLabel}` : o.type, d);
  }
  return out;
}

/** Each person's and organisation's basic information (人民调解法 Art. 29 ¶1 (一)) as stored. */
function partiesIn(c: CaseDetail, has: ReturnType<typeof contains>) {
  for (const p of c.parties) has(p.name, p.idNumber, p.creditCode, p.address, p.phone, p.legalRepresentative);
}

describe('documents of a case with an agreement', () => {
  let docs: Map<string, DocumentEntry>;

  it('the case can have every type but the record of undisputed facts; each says why not', async () => {
    const types = await app.call('documents.types', { caseId: agreed.id }, s);
    const fits = types.filter((t) => t.fits).map((t) => (t.subjectLabel ? `${t.type}:${t.subjectLabel}` : t.type));
    expect(fits).toEqual([
      'application',
      'intake-form',
      'rights-notice',
      'investigation-record',
      'session-record:第一次调解（2026年11月12日）',
      'session-record:第二次调解（2026年11月15日）',
      'agreement',
      'confirmation-application',
      'followup-record:第一次回访（2026年11月19日回访）',
      'file-cover',
      'case-file',
    ]);
    expect(types.find((t) => t.type === 'undisputed-facts')).toMatchObject({
      fits: false,
      reason: '本案已达成调解协议，无需制作无争议事实记载',
    });
    expect(types.find((t) => t.type === 'termination-notice')).toMatchObject({
      fits: false,
      reason: '本案已达成调解协议，不终止调解，无需终止调解告知书',
    });
    expect(types.find((t) => t.type === 'court-result-report')).toMatchObject({
      fits: false,
      reason: '本案不是人民法院委派或委托调解的案件，无需向法院报告调解结果',
    });
    // One table of types and titles for the contract and the document model.
    expect(DOC_TYPE_TITLES).toBe(DOCUMENT_TYPES);
  });

  it('generates each one; every .docx holds the case’s real values', async () => {
    docs = await generateAll(agreed);
    expect(docs.size).toBe(11);
    const c = agreed;
    const terms = c.agreement!.terms;

    // 人民调解协议书: 人民调解法 Art. 29 item by item.
    const agreement = await docxOf(docs.get('agreement')!);
    let has = contains(agreement.text);
    has('人民调解协议书', `编号：${c.caseNumber}`);
    partiesIn(c, has);
    has('申请人姓名张建国性别男民族汉族出生日期1968年3月12日职业农民', `居民身份证号码${ZHANG_ID}`);
    has('被申请人姓名李秀英性别女民族回族出生日期1975年11月2日职业个体经营');
    has('委托代理人姓名王明远性别男被代理人张建国代理权限特别授权');
    has(`纠纷主要事实、争议事项：${c.summary}`, c.claims, '各方当事人的责任：被申请人翻建院墙越界，应承担主要责任。');
    has('经牧野区人民调解委员会主持调解，各方当事人在平等协商、互谅互让的基础上，自愿达成如下协议：');
    terms.forEach((t, i) => has(`${['一', '二', '三'][i]}、${t}`));
    has('履行方式：被申请人自行拆除', '履行地点：王村1号与3号之间院墙处', '履行期限：2026年12月31日前');
    // Two parties (the agent holds none of its own) + the committee.
    has('本协议一式三份，当事人各执一份，人民调解委员会留存一份。');
    has('本协议生效之日起30日内，各方当事人可以共同向人民法院申请司法确认');
    has('申请人：张建国签名（捺印）：', '委托代理人：王明远签名（捺印）：', '被申请人：李秀英签名（捺印）：');
    has('人民调解员（签名）：', '记录人（签名）：', '牧野区人民调解委员会（印）2026年11月15日');

    // 受理登记表.
    has = contains((await docxOf(docs.get('intake-form')!)).text);
    has(
      '人民调解受理登记表',
      `编号：${c.caseNumber}`,
      `纠纷名称${c.title}`,
      '纠纷类型房屋宅基地',
      '纠纷来源来访（当事人申请）',
      '登记时间2026年11月10日9时00分',
    );
    has('涉及金额人民币5,000.00元', `纠纷简要情况：${c.summary}`, `当事人申请事项：${c.claims}`, '牧野区人民调解委员会（印）');
    partiesIn(c, has);

    // 权利义务告知书.
    has = contains((await docxOf(docs.get('rights-notice')!)).text);
    has(
      '人民调解权利义务告知书',
      `编号：${c.caseNumber}`,
      '当事人：张建国、李秀英',
      `已依法受理“${c.title}”一案`,
      '选择或者接受人民调解员；',
      '如实陈述纠纷事实；',
      '牧野区人民调解委员会（印）',
    );

    // 调解记录, one per session.
    has = contains((await docxOf(docs.get('session-record:第一次调解（2026年11月12日）')!)).text);
    has(
      '人民调解记录',
      `编号：${c.caseNumber}`,
      '调解时间2026年11月12日9时30分调解次数第一次',
      '调解地点王村调解室',
      '人民调解员陈秀兰记录人刘洋',
      '参加人员张建国、王明远、李秀英',
    );
    has('调解情况：调解员告知双方权利义务。', '申请人陈述院墙越界约0.3米；被申请人称系按原地基翻建。', '申请人：张建国签名（捺印）：');
    has = contains((await docxOf(docs.get('session-record:第二次调解（2026年11月15日）')!)).text);
    has('调解次数第二次', '现场丈量，双方确认越界0.3米，达成一致意见。');

    // 司法确认申请书 (民事诉讼法 Art. 205; 法释〔2011〕5号 Art. 3).
    has = contains((await docxOf(docs.get('confirmation-application')!)).text);
    has(
      '司法确认申请书',
      `请求人民法院依法确认申请人于2026年11月15日经牧野区人民调解委员会主持调解达成的人民调解协议（编号：${c.caseNumber}）有效。`,
    );
    terms.forEach((t, i) => has(`${['一', '二', '三'][i]}、${t}`));
    has('此致', '新乡市牧野区人民法院', '人民调解协议书一份；', '由委托人签名或者盖章的授权委托书一份。', '2026年11月18日');
    partiesIn(c, has);

    // 回访记录 (人民调解法 Art. 31).
    has = contains((await docxOf(docs.get('followup-record:第一次回访（2026年11月19日回访）')!)).text);
    has('人民调解回访记录', `编号：${c.caseNumber}`, '回访时间2026年11月19日回访方式电话回访', '回访人陈秀兰被回访人张建国、李秀英');
    has('协议履行情况：部分履行', '回访情况：电话回访张建国，被申请人已拆除一半院墙，承诺月底前拆完。');
    terms.forEach((t, i) => has(`${['一', '二', '三'][i]}、${t}`));
  });

  it('the files are in the data dir, the model next to each .docx, its hash the one registered', async () => {
    const list = await app.call('documents.list', { caseId: agreed.id }, s);
    expect(list).toHaveLength(11);
    for (const d of list) {
      expect(d.filePath).toBe(`documents/${agreed.caseNumber}/${d.type}-v${d.docVersion}.docx`);
      expect(d.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(d).toMatchObject({
        generatedBy: '王主任',
        generatedAt: '2026-11-20T09:00:00+08:00',
        printedAt: null,
        printCount: 0,
        signedCopyAt: null,
        latest: true,
        title: DOCUMENT_TYPES[d.type],
      });
      const abs = path.join(app.dir, d.filePath);
      expect(fs.readFileSync(abs).subarray(0, 2).toString()).toBe('PK');
      const model = JSON.parse(fs.readFileSync(abs.replace(/\.docx$/, '.json'), 'utf8')) as DocModel;
      expect(contentHash(model)).toBe(d.contentHash);
      // The .docx says exactly what the stored model says.
      expect(ink((await docxOf(d)).text)).toBe(ink(modelText(model)));
    }
    // The two session records are versions 1 and 2 of their type (numbered per case and type), each its own subject.
    expect(list.filter((d) => d.type === 'session-record').map((d) => [d.docVersion, d.subjectLabel])).toEqual([
      [2, '第二次调解（2026年11月15日）'],
      [1, '第一次调解（2026年11月12日）'],
    ]);
    // Each registration is an event on the case's timeline and a record queued for the district.
    const timeline = (await app.call('cases.get', { id: agreed.id }, s)).timeline.map((t) => t.summary);
    expect(timeline).toContain('制作文书：人民调解协议书（第1版）');
    expect(timeline).toContain('制作文书：人民调解记录（第2版，第二次调解（2026年11月15日））');
    const queued = app.backend.app.ctx.db.sqlite.prepare("SELECT record_id AS id FROM outbox WHERE kind = 'document'").all() as {
      id: string;
    }[];
    for (const d of list) expect(queued.map((q) => q.id)).toContain(d.id);
  });

  it('reprinting unchanged content returns the same version; print and signed copy are registered', async () => {
    const first = docs.get('agreement')!;
    const bytes = fs.readFileSync(path.join(app.dir, first.filePath));
    const filesBefore = docFiles();
    const again = await app.call('documents.generate', { caseId: agreed.id, type: 'agreement' }, s);
    expect(again).toMatchObject({ id: first.id, docVersion: 1, contentHash: first.contentHash, created: false });
    expect(docFiles()).toEqual(filesBefore);
    expect(fs.readFileSync(path.join(app.dir, first.filePath)).equals(bytes)).toBe(true);
    // The preview is the same content, unregistered.
    const preview = await app.call('documents.preview', { caseId: agreed.id, type: 'agreement' }, s);
    expect(preview).toMatchObject({ fits: true, contentHash: first.contentHash });
    expect(preview.html).toBe((await app.call('documents.html', { id: first.id }, s)).html);

    let d = await app.call('documents.markPrinted', { id: first.id }, s);
    expect(d).toMatchObject({ printCount: 1, printedAt: '2026-11-20T09:00:00+08:00', version: 2 });
    app.clock.advance(60_000);
    d = await app.call('documents.markPrinted', { id: first.id }, s);
    expect(d).toMatchObject({ printCount: 2, printedAt: '2026-11-20T09:01:00+08:00', version: 3 });
    d = await app.call('documents.markSigned', { id: first.id }, s);
    expect(d).toMatchObject({ signedCopyAt: '2026-11-20T09:01:00+08:00', version: 4 });
    // Recording it twice changes nothing; a mistake can be undone.
    expect(await app.call('documents.markSigned', { id: first.id }, s)).toMatchObject({ version: 4 });
    expect(await app.call('documents.markSigned', { id: first.id, received: false }, s)).toMatchObject({ signedCopyAt: null, version: 5 });
    await app.call('documents.markSigned', { id: first.id }, s);
    const timeline = (await app.call('cases.get', { id: agreed.id }, s)).timeline.map((t) => t.summary);
    expect(timeline).toContain('打印文书：人民调解协议书（第1版，第2次打印）');
    expect(timeline).toContain('已收回签字件：人民调解协议书（第1版）');
    // Intake staff see the register but make no documents.
    await app.call('users.create', { loginName: 'chuangkou', displayName: '窗口小李', password: 'Chuangkou2026', role: 'intake' }, s);
    const intake = await app.login('chuangkou', 'Chuangkou2026');
    expect((await app.call('documents.list', { caseId: agreed.id }, intake)).find((x) => x.id === first.id)).toMatchObject({
      printCount: 2,
    });
    const denied = await app.raw({ op: 'documents.generate', input: { caseId: agreed.id, type: 'agreement' }, session: intake });
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
  });

  it('a changed term makes version 2; version 1 and its files stay as they were', async () => {
    const v1 = docs.get('agreement')!;
    const v1Docx = fs.readFileSync(path.join(app.dir, v1.filePath));
    const v1Json = fs.readFileSync(path.join(app.dir, v1.filePath.replace(/\.docx$/, '.json')));
    const v1Html = (await app.call('documents.html', { id: v1.id }, s)).html;
    const c = await app.call('cases.get', { id: agreed.id }, s);
    const changed = [...TERMS.slice(0, 2), '申请人张建国自愿放弃其他赔偿请求，被申请人当面致歉'];
    await app.call('cases.setAgreement', { id: c.id, version: c.version, agreement: { ...c.agreement!, terms: changed } }, s);
    const preview = await app.call('documents.preview', { caseId: c.id, type: 'agreement' }, s);
    expect(preview.html).toContain('被申请人当面致歉');
    expect(preview.contentHash).not.toBe(v1.contentHash);

    const v2 = await app.call('documents.generate', { caseId: c.id, type: 'agreement' }, s);
    expect(v2).toMatchObject({ docVersion: 2, created: true, printCount: 0, filePath: `documents/${c.caseNumber}/agreement-v2.docx` });
    expect(v2.contentHash).toBe(preview.contentHash);
    expect(v2.id).not.toBe(v1.id);
    const has = contains((await docxOf(v2)).text);
    has('三、申请人张建国自愿放弃其他赔偿请求，被申请人当面致歉');
    // Nothing of version 1 was touched: the .docx, the model and its print view.
    expect(fs.readFileSync(path.join(app.dir, v1.filePath)).equals(v1Docx)).toBe(true);
    expect(fs.readFileSync(path.join(app.dir, v1.filePath.replace(/\.docx$/, '.json'))).equals(v1Json)).toBe(true);
    const oldView = (await app.call('documents.html', { id: v1.id }, s)).html;
    expect(oldView).toBe(v1Html);
    expect(oldView).not.toContain('当面致歉');
    const list = (await app.call('documents.list', { caseId: c.id }, s)).filter((d) => d.type === 'agreement');
    expect(list.map((d) => [d.docVersion, d.latest, d.printCount])).toEqual([
      [2, true, 0],
      [1, false, 2],
    ]);
    // The other documents that print the terms change too; the rest are reprinted as they were.
    const types = await app.call('documents.types', { caseId: c.id }, s);
    expect(types.find((t) => t.type === 'agreement')!.latestVersion).toBe(2);
    expect((await app.call('documents.generate', { caseId: c.id, type: 'intake-form' }, s)).created).toBe(false);
    expect(await app.call('documents.generate', { caseId: c.id, type: 'confirmation-application' }, s)).toMatchObject({
      created: true,
      docVersion: 2,
    });
  });

  // Chromium takes seconds a page to embed CJK glyphs: a dozen documents take minutes on a busy machine.
  it('the print view printed to PDF has the text of the .docx', async () => {
    // Each type once (the latest versions), and the superseded agreement: its view is still its own.
    const list = await app.call('documents.list', { caseId: agreed.id }, s);
    const sample = [...new Map(list.map((d) => [d.type, d])).values(), list.find((d) => d.type === 'agreement' && !d.latest)!];
    for (const d of sample) {
      const docx = await docxOf(d);
      const { html } = await app.call('documents.html', { id: d.id }, s);
      const pdf = await printer.print(html);
      expect(ink(withoutPageNumbers(pdf.text)), `${d.type} v${d.docVersion}`).toBe(ink(docx.text));
      expect(pdf.pages).toBeGreaterThan(0);
    }
  }, 90_000);
});

describe('documents of a failed mediation', () => {
  it('the record of undisputed facts with the case’s values; the agreement and what follows it are refused with the reason', async () => {
    const c = failed;
    const types = await app.call('documents.types', { caseId: c.id }, s);
    const reasons = Object.fromEntries(types.map((t) => [t.type, t.fits ? 'fits' : t.reason]));
    expect(reasons).toEqual({
      application: 'fits',
      'termination-notice': 'fits',
      'court-result-report': '本案不是人民法院委派或委托调解的案件，无需向法院报告调解结果',
      'intake-form': 'fits',
      'rights-notice': 'fits',
      'investigation-record': 'fits',
      'session-record': 'fits',
      agreement: '本案尚未达成调解协议，不能制作人民调解协议书',
      'undisputed-facts': 'fits',
      'confirmation-application': '本案没有调解协议，不能申请司法确认',
      'followup-record': '本案还没有安排回访',
      'file-cover': 'fits',
      'case-file': 'fits',
    });

    const filesBefore = docFiles();
    const rowsBefore = (await app.call('documents.list', { caseId: c.id }, s)).length;
    const e = await refused('documents.generate', { caseId: c.id, type: 'agreement' });
    expect(e).toMatchObject({ code: 'REFUSED', message: '不能制作人民调解协议书：本案尚未达成调解协议，不能制作人民调解协议书' });
    expect((await refused('documents.generate', { caseId: c.id, type: 'confirmation-application' })).message).toContain('本案没有调解协议');
    expect(await app.call('documents.preview', { caseId: c.id, type: 'agreement' }, s)).toMatchObject({
      fits: false,
      html: '',
      reason: '本案尚未达成调解协议，不能制作人民调解协议书',
    });
    expect((await refused('documents.generate', { caseId: c.id, type: 'not-a-type' })).code).toBe('VALIDATION');
    expect((await refused('documents.generate', { caseId: c.id, type: 'session-record', subjectId: 'no-such-session' })).message).toBe(
      '本案没有该次调解记录',
    );
    expect(docFiles()).toEqual(filesBefore);
    expect((await app.call('documents.list', { caseId: c.id }, s)).length).toBe(rowsBefore);

    const d = await app.call('documents.generate', { caseId: c.id, type: 'undisputed-facts' }, s);
    const docx = await docxOf(d);
    const has = contains(docx.text);
    has('无争议事实记载', `编号：${c.caseNumber}`);
    partiesIn(c, has);
    has(`统一社会信用代码${ORG_CODE}`, '法定代表人孙卫东');
    has('人民调解员：陈秀兰', '记载时间：2026年11月15日', '记载地点：中心第二调解室');
    has('当事人同意记载的意见：经人民调解员释明无争议事实记载的作用和后果，各方当事人均同意对调解过程中没有争议的事实予以书面记载。');
    FACTS.forEach((f, i) => has(`${i + 1}．${f}`));
    DISPUTED.forEach((p, i) => has(`${i + 1}．${p}`));
    has('本纠纷于2026年11月10日登记受理。牧野区人民调解委员会于2026年11月12日共组织调解一次，各方当事人未能达成调解协议。', FAILURE);
    has('当事人在此后的诉讼程序中对上述无争议的事实无需另行举证', '本记载一式三份，当事人各执一份，人民调解委员会留存一份。');
    has(
      '申请人：赵国强签名（捺印）：',
      '被申请人：新乡市安居物业服务有限公司（盖章）法定代表人或委托代理人（签名）：',
      '牧野区人民调解委员会（印）',
    );
    const pdf = await printer.print((await app.call('documents.html', { id: d.id }, s)).html);
    expect(ink(withoutPageNumbers(pdf.text))).toBe(ink(docx.text));
  });
});

describe('documents of a court-delegated case', () => {
  it('the agreement names the court and its number and is filed with it; the application goes to that court', async () => {
    const c = delegated;
    const docs = await generateAll(c);
    expect([...docs.keys()]).toEqual([
      'intake-form',
      'rights-notice',
      'investigation-record',
      'session-record:第一次调解（2026年11月12日）',
      'agreement',
      'confirmation-application',
      'court-result-report',
      'file-cover',
      'case-file',
    ]);
    // The result goes back to the court that delegated it, with the agreement.
    const report = await docxOf(docs.get('court-result-report')!);
    expect(report.text.split('\n')[0]).toBe('委派调解结果报告');
    contains(report.text)(
      '新乡市牧野区人民法院',
      '（案号：（2026）豫0711民诉前调1234号）',
      '经调解，各方当事人于2026年11月15日自愿达成调解协议，主要内容如下：',
      '一、被申请人于2026年12月20日前支付货款30000元',
      '现将调解协议书报送你院备案。',
      '随函退回（送交）材料：',
      '1．人民调解协议书；',
      '特此报告。',
    );
    let has = contains((await docxOf(docs.get('agreement')!)).text);
    partiesIn(c, has);
    has('委派法院：新乡市牧野区人民法院', '委派调解案号：（2026）豫0711民诉前调1234号', '一、被申请人于2026年12月20日前支付货款30000元');
    // 特邀调解规定 Art. 24: one more copy, filed with the delegating court.
    has('本协议一式四份，当事人各执一份，人民调解委员会留存一份，报送新乡市牧野区人民法院备案一份。');
    has = contains((await docxOf(docs.get('intake-form')!)).text);
    has('纠纷来源法院诉前委派', '委派法院：新乡市牧野区人民法院');
    has = contains((await docxOf(docs.get('confirmation-application')!)).text);
    has('此致', '新乡市牧野区人民法院');
  });
});

describe('documents of demo data', () => {
  it('every type is generated for demo cases where it fits, with the case number and the parties in it', async () => {
    const demo = demoDir(150, 11);
    try {
      const { ctx } = demo;
      const ids = demo.all<{ id: string }>('SELECT id FROM cases WHERE deleted = 0 ORDER BY case_number');
      const done = new Map<DocType, number>();
      for (const { id } of ids) {
        if ([...done.values()].length === DOC_TYPE_CODES.length && [...done.values()].every((n) => n >= 2)) break;
        for (const o of documentOptions(ctx, id)) {
          if (!o.fits || (done.get(o.type) ?? 0) >= 2) continue;
          const d = await generateDocument(ctx, systemActor, id, o.type, o.subjectId);
          const docx = await readDocx(documentDocx(ctx, d.id).buffer);
          const data = loadDocumentData(ctx, id);
          const has = contains(docx.text);
          has(data.caseRecord.caseNumber);
          if (o.type !== 'session-record' && o.type !== 'followup-record')
            for (const p of data.base.parties.filter((x) => x.role !== 'agent')) has(p.name);
          if (['intake-form', 'agreement', 'undisputed-facts', 'confirmation-application'].includes(o.type)) {
            for (const p of data.base.parties) has(p.idNumber, p.creditCode);
          }
          if (o.type === 'agreement') for (const t of data.caseRecord.agreement!.terms) has(t);
          if (o.type === 'undisputed-facts') for (const f of data.caseRecord.undisputed!.facts) has(f);
          if (o.type === 'session-record') has(data.sessions.find((x) => x.id === o.subjectId)!.input.record.split('\n')[0]);
          // A second generation is the same version.
          expect(await generateDocument(ctx, systemActor, id, o.type, o.subjectId)).toMatchObject({ id: d.id, created: false });
          const stored = JSON.parse(fs.readFileSync(path.join(demo.dir, d.filePath.replace(/\.docx$/, '.json')), 'utf8')) as DocModel;
          expect(contentHash(stored)).toBe(d.contentHash);
          expect(ink(docx.text)).toBe(ink(modelText(stored)));
          done.set(o.type, (done.get(o.type) ?? 0) + 1);
        }
      }
      expect(Object.fromEntries(DOC_TYPE_CODES.map((t) => [t, done.get(t) ?? 0]))).toEqual(
        Object.fromEntries(DOC_TYPE_CODES.map((t) => [t, 2])),
      );
    } finally {
      demo.close();
    }
  }, 120_000);
});
