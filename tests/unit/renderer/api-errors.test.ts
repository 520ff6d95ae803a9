// @vitest-environment happy-dom
/**
 * The error mapping (renderer/src/components/apiErrors.ts): a refusal the form could not foresee —
 * the backend's day is earlier than the window's, so an ID number born in between passes the form
 * and is refused by the service — comes back as {code, message, fields} and its message lands under
 * the field it names, wherever the form holds that field: the case page's party dialog holds the
 * party at its root (the service says 'parties.0.idNumber'), the court referral holds the parties
 * under 'case' and the amount under another name.
 */
import dayjs from 'dayjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../electron/common/errors';
import { makeResidentId } from '../../../electron/common/domain/identity';
import type { TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { connectBackend, resetAfterEach, formItem, loadDom, rendererModule, type Component, type Dom } from '../../support/dom';

interface FormInstance {
  getFieldError(name: (string | number)[]): string[];
}
interface Antd {
  Form: Component & { Item: Component; useForm(): [FormInstance] };
  Input: Component;
}

let dom: Dom;
let antd: Antd;
let PartiesCard: Component;
let applyFieldErrors: (form: FormInstance, error: unknown, rename?: (path: string) => string) => boolean;
let ApiError: new (body: ErrorBody) => Error;
let referralField: (path: string) => string;
beforeAll(async () => {
  dom = await loadDom();
  const name = 'antd';
  antd = (await import(/* @vite-ignore */ name)) as Antd;
  ({ PartiesCard } = await rendererModule<{ PartiesCard: Component }>('pages/cases/PartiesCard'));
  ({ applyFieldErrors } = await rendererModule<{ applyFieldErrors: typeof applyFieldErrors }>('components/apiErrors'));
  ({ ApiError } = await rendererModule<{ ApiError: typeof ApiError }>('api/client'));
  ({ referralField } = await rendererModule<{ referralField: typeof referralField }>('pages/court/referral/referralValues'));
}, 60_000);

let app: TestApp | undefined;
resetAfterEach(() => dom);

// The backend's day is ten days before the window's; the ID number's holder was born five days before the window's.
const windowDay = dayjs();
const backendNow = `${windowDay.subtract(10, 'day').format('YYYY-MM-DD')}T10:00:00+08:00`;
const bornBetween = makeResidentId('410711', windowDay.subtract(5, 'day').format('YYYY-MM-DD'), 31);
const FUTURE_BIRTH = '身份证号码中的出生日期（第7至14位）晚于今天';

describe('a refusal of the backend lands on the field it names', () => {
  it('in the case page’s party dialog, under 证件号码; nothing is saved', async () => {
    const backend = await connectBackend({ now: backendNow });
    app = backend.app;
    const s = await app.login();
    const registered = await app.call('cases.register', walkInCase({ parties: [walkInCase().parties[0]!] }), s);
    const { fireEvent, screen, within } = dom.tl;
    dom.tl.render(dom.page(dom.h(PartiesCard, { detail: registered, editable: true })));
    fireEvent.click(screen.getByRole('button', { name: /添加当事人/ }));
    const dialog = within(await dom.tl.waitFor(() => screen.getByRole('dialog')));
    fireEvent.change(dialog.getByLabelText('姓名'), { target: { value: '钱小梅' } });
    fireEvent.change(dialog.getByLabelText('证件号码'), { target: { value: bornBetween } });
    fireEvent.click(dialog.getByRole('button', { name: /保\s*存/ }));
    await dom.tl.waitFor(() => expect(backend.calls).toContain('parties.add'), { timeout: 10_000 });
    await dom.tl.waitFor(() => expect(formItem(dialog, '证件号码').textContent).toContain(FUTURE_BIRTH), { timeout: 10_000 });
    expect((await app.call('cases.get', { id: registered.id }, s)).parties).toHaveLength(1);
  });

  it('in the court referral, under the party’s 证件号码 and under 争议金额 (held as case.amount)', async () => {
    const backend = await connectBackend({ now: backendNow });
    app = backend.app;
    const s = await app.login();
    const referral = (parties: unknown[], amountFen?: number) => ({
      referral: {
        mode: 'delegated',
        court: '新乡市牧野区人民法院',
        referenceNumber: '（2026）豫0711民诉前调1234号',
        referredAt: backendNow.slice(0, 10),
        materialsSignedAt: backendNow.slice(0, 10),
      },
      case: { title: '买卖合同货款纠纷', category: 'contract', ...(amountFen !== undefined ? { amountFen } : {}), parties },
    });
    const refused = async (input: unknown) => {
      const answer = (await app!.raw({ op: 'court.registerReferral', input, session: s })) as { ok: boolean; error: ErrorBody };
      expect(answer.ok).toBe(false);
      return new ApiError(answer.error);
    };
    const futureBirth = await refused(
      referral([
        { role: 'applicant', kind: 'person', name: '张建国' },
        { role: 'respondent', kind: 'person', name: '钱小梅', idType: 'resident_id', idNumber: bornBetween },
      ]),
    );
    // Half a fen: only a client that skipped the form's parseYuan could send it.
    const badAmount = await refused(referral([{ role: 'applicant', kind: 'person', name: '张建国' }], 12.5));

    // The referral form's fields where they are held.
    let form: FormInstance | undefined;
    const { Form, Input } = antd;
    function ReferralForm() {
      [form] = Form.useForm();
      return dom.h(
        Form,
        { form },
        dom.h(Form.Item, { name: ['case', 'parties', 1, 'idNumber'], label: '证件号码' }, dom.h(Input, null)),
        dom.h(Form.Item, { name: ['case', 'amount'], label: '争议金额（元）' }, dom.h(Input, null)),
      );
    }
    dom.tl.render(dom.h(ReferralForm, null));
    await dom.tl.act(() => {
      expect(applyFieldErrors(form!, futureBirth, referralField)).toBe(true);
      expect(applyFieldErrors(form!, badAmount, referralField)).toBe(true);
    });
    expect(form!.getFieldError(['case', 'parties', 1, 'idNumber'])).toEqual([expect.stringContaining(FUTURE_BIRTH)]);
    // The server names them from the case it registers and from the input: not where the form holds them.
    const named = (e: Error) => (e as Error & { fields: Record<string, string> }).fields;
    expect(Object.keys(named(futureBirth))).toEqual(['parties.1.idNumber']);
    expect(named(badAmount)).toEqual({ 'case.amountFen': '金额应以分为单位的整数' });
    expect(form!.getFieldError(['case', 'amount'])).toEqual(['金额应以分为单位的整数']);
    await dom.tl.waitFor(() => expect(formItem(dom.tl.screen, '证件号码').textContent).toContain(FUTURE_BIRTH));
  });
});
