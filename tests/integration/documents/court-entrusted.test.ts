/**
 * A case the court entrusted after filing (委托, 诉中): in every document the parties are named as
 * in the lawsuit (原告 / 被告), and the copies include the court's. A delegated (委派, 诉前) or walk-in
 * case keeps 申请人 / 被申请人.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import type { DocumentInput } from '../../../electron/services/documents/input';
import type { DocModel, DocumentType, FieldsBlock, SignatureBlock } from '../../../electron/services/documents/model';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { RARE, twoParty, twoPartyEntrusted, twoPartyFailed } from './fixtures';
import { ink, readDocx } from './harness';

const captions = (m: DocModel) =>
  m.blocks.filter((b): b is FieldsBlock => b.kind === 'fields' && b.caption !== undefined).map((b) => b.caption);
const signers = (m: DocModel) =>
  m.blocks.filter((b): b is SignatureBlock => b.kind === 'signatures').flatMap((b) => b.signers.map((s) => s.label));

function entrustedFailed(): DocumentInput {
  const i = twoPartyFailed();
  i.case.courtReferral = twoPartyEntrusted().case.courtReferral;
  return i;
}

const TYPES: [DocumentType, () => DocumentInput][] = [
  ['intake-form', twoPartyEntrusted],
  ['rights-notice', twoPartyEntrusted],
  ['session-record', () => ({ ...twoPartyEntrusted(), session: twoPartyEntrusted().sessions[0]! })],
  ['agreement', twoPartyEntrusted],
  ['undisputed-facts', entrustedFailed],
];

describe('court-entrusted (委托, 诉中) documents', () => {
  for (const [type, input] of TYPES) {
    it(`${type}: 原告 / 被告 on the party blocks and signature lines, never 申请人 / 被申请人`, () => {
      const i = input();
      if (type === 'session-record') i.session = i.sessions[0]!;
      const m = buildDocument(type, i);
      for (const c of captions(m)) expect(c).toMatch(/^(原告|被告|委托代理人)$/);
      const lines = signers(m);
      expect(lines).toContain(`原告：王${RARE}`);
      // The intake form is signed by the one who applied (and the agent); the others by everyone.
      if (type !== 'intake-form') expect(lines).toContain('被告：新乡市"牧野"<建材>&装饰有限公司');
      else expect(captions(m)).toContain('被告');
      expect(lines).toContain('委托代理人：李明远');
      for (const l of lines) expect(l).not.toMatch(/^(被)?申请人/);
    });
  }

  it('the agreement counts the court’s copy and the .docx says so, with the court and its number', async () => {
    const m = buildDocument('agreement', twoPartyEntrusted());
    const text = ink((await readDocx(await renderDocx(m))).text);
    expect(text).toContain('本协议一式四份，当事人各执一份，人民调解委员会留存一份，送人民法院一份。');
    expect(text).toContain('委托法院：新乡市牧野区人民法院');
    expect(text).toContain('委托调解案号：（2026）豫0711民初567号');
    expect(text).toContain(ink(`原告：王${RARE}签名（捺印）：`));
    expect(text).not.toContain('被申请人：');
  });

  it('no 司法确认: the agreement goes to the court for its 调解书, and the application is refused with the reason', () => {
    const text = JSON.stringify(buildDocument('agreement', twoPartyEntrusted()));
    expect(text).toContain('本协议送交该院，由该院依法审查后出具民事调解书或者准许当事人撤诉。');
    expect(text).not.toContain('申请司法确认');
    expect(documentFits('confirmation-application', twoPartyEntrusted())).toEqual({
      ok: false,
      reason: '本案系人民法院诉中委托调解的案件，达成的协议由受诉人民法院审查后出具民事调解书或者准许撤诉，不申请司法确认',
    });
    expect(documentFits('confirmation-application', twoParty())).toEqual({ ok: true });
  });

  it('the record of undisputed facts counts the court’s copy', () => {
    const m = buildDocument('undisputed-facts', entrustedFailed());
    expect(JSON.stringify(m)).toContain('本记载一式四份，当事人各执一份，人民调解委员会留存一份，送人民法院一份。');
  });

  it('a walk-in case keeps 申请人 / 被申请人 and three copies', () => {
    const m = buildDocument('agreement', twoParty());
    expect(captions(m)).toEqual(['申请人', '委托代理人', '被申请人']);
    expect(JSON.stringify(m)).toContain('本协议一式三份，当事人各执一份，人民调解委员会留存一份。');
  });
});
