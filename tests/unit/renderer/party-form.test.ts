// @vitest-environment happy-dom
/**
 * The one party form (components/parties/PartyFields), in the case page's 添加当事人 dialog, against
 * the real backend: the contract's checks refuse bad input on the field it concerns, in Chinese,
 * before anything is sent; 单位 asks an organisation's own fields; what is saved is the contract's
 * party as the backend keeps it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartyView } from '../../../electron/common/api/cases';
import { makeCreditCode, makeResidentId, validateCreditCode } from '../../../electron/common/domain/identity';
import type { TestApp } from '../../support/backend';
import { walkInCase, ZHANG_ID } from '../../support/cases';
import { connectBackend, resetAfterEach, formItem, loadDom, rendererModule, type Component, type Dom } from '../../support/dom';

let dom: Dom;
let PartiesCard: Component;
beforeAll(async () => {
  dom = await loadDom();
  ({ PartiesCard } = await rendererModule<{ PartiesCard: Component }>('pages/cases/PartiesCard'));
}, 60_000);

let app: TestApp | undefined;
resetAfterEach(() => dom);

/** A case with its applicant only, its page's parties card, and the 添加当事人 dialog open. */
async function addPartyDialog() {
  const backend = await connectBackend();
  app = backend.app;
  const a = app;
  const s = await a.login();
  const registered = await a.call('cases.register', walkInCase({ parties: [walkInCase().parties[0]!] }), s);
  dom.tl.render(dom.page(dom.h(PartiesCard, { detail: registered, editable: true })));
  const { fireEvent, within, screen } = dom.tl;
  fireEvent.click(screen.getByRole('button', { name: /添加当事人/ }));
  const dialog = await dom.tl.waitFor(() => screen.getByRole('dialog'));
  const q = within(dialog);
  return {
    calls: backend.calls,
    q,
    type: (label: string, value: string) => fireEvent.change(q.getByLabelText(label), { target: { value } }),
    save: () => fireEvent.click(q.getByRole('button', { name: /保\s*存/ })),
    /** The case's parties as the backend keeps them. */
    saved: async (): Promise<PartyView[]> => (await a.call('cases.get', { id: registered.id }, s)).parties,
  };
}

describe('the party form', () => {
  it('refuses an ID number whose check character is wrong, under the field, and sends nothing', async () => {
    const form = await addPartyDialog();
    const good = makeResidentId('410711', '1990-01-01', 123);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    form.type('姓名', '钱小梅');
    form.type('证件号码', bad);
    form.save();
    await dom.tl.waitFor(() => expect(formItem(form.q, '证件号码').textContent).toContain('身份证号码校验位不符，请核对号码'));
    expect(form.calls).not.toContain('parties.add');
    expect((await form.saved()).map((p) => p.name)).toEqual(['张建国']);
  });

  it('asks a company for its credit code and 法定代表人, refuses a bad code, and saves the company without a person’s fields', async () => {
    const form = await addPartyDialog();
    // An ID number typed while the party was still a person is not the company's.
    form.type('证件号码', makeResidentId('410711', '1990-01-01', 123));
    dom.tl.fireEvent.click(form.q.getByText('单位'));
    await dom.tl.waitFor(() => expect(form.q.getByLabelText('统一社会信用代码')).toBeTruthy());
    expect(form.q.queryByLabelText('证件号码')).toBeNull();
    expect(form.q.queryByLabelText('姓名')).toBeNull();
    form.type('单位名称', '新乡市安居物业服务有限公司');
    const code = makeCreditCode('91410711MA44ABCD1');
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const refusal = validateCreditCode(wrong);
    expect(refusal.ok).toBe(false);
    form.type('统一社会信用代码', wrong);
    form.type('法定代表人', '孙卫东');
    form.save();
    await dom.tl.waitFor(() => expect(formItem(form.q, '统一社会信用代码').textContent).toContain(refusal.ok ? '' : refusal.message));
    expect(form.calls).not.toContain('parties.add');

    form.type('统一社会信用代码', code);
    form.save();
    await dom.tl.waitFor(async () => expect((await form.saved()).length).toBe(2), { timeout: 10_000 });
    const company = (await form.saved())[1]!;
    expect(company).toMatchObject({
      role: 'respondent',
      kind: 'org',
      name: '新乡市安居物业服务有限公司',
      creditCode: code,
      legalRepresentative: '孙卫东',
      idNumber: null,
      sex: null,
    });
  });

  it('saves a valid person as the contract has it: the ID number checked, the birth date and sex read from it', async () => {
    const form = await addPartyDialog();
    const id = makeResidentId('410711', '1990-01-01', 124).toLowerCase(); // even sequence: female; a lower-case x is fine
    form.type('姓名', '钱小梅');
    form.type('证件号码', id);
    form.type('联系电话', '139 0373 5678');
    form.type('住址', '新乡市牧野区王村镇王村12号');
    form.save();
    await dom.tl.waitFor(async () => expect((await form.saved()).length).toBe(2), { timeout: 10_000 });
    expect(form.calls).toContain('parties.add');
    expect((await form.saved())[1]).toMatchObject({
      role: 'respondent',
      kind: 'person',
      name: '钱小梅',
      idType: 'resident_id',
      idNumber: id.toUpperCase(),
      birthDate: '1990-01-01',
      sex: 'female',
      address: '新乡市牧野区王村镇王村12号',
    });
    expect((await form.saved())[1]!.phone).toMatch(/^139\D?0373\D?5678$/);
    expect((await form.saved())[0]!.idNumber).toBe(ZHANG_ID);
  });
});
