// @vitest-environment happy-dom
/**
 * The kiosk's draft (renderer/src/kiosk/draft.ts and the KioskApp that holds it): each step asks the
 * one registration check (checkIntake, the clerk's form's too) in the kiosk's words; the draft lives
 * in the screen's memory only — nothing a citizen types is written to the browser's storage, so a
 * reload starts empty — and it is gone once the registration is submitted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../electron/common/api/intake';
import { makeResidentId, validatePhone, validateResidentId } from '../../../electron/common/domain/identity';
import type { TestApp } from '../../support/backend';
import { browser, connectBackend, resetAfterEach, loadDom, rendererModule, type Component, type Dom } from '../../support/dom';

interface Draft {
  category: string | null;
  name: string;
  phone: string;
  idNumber: string;
  otherParty: string;
  otherPartyPhone: string;
  description: string;
  consent: boolean;
}
type Errors = Partial<Record<keyof Draft, string>>;
interface DraftModule {
  emptyDraft: Draft;
  checkStep(step: string, d: Draft): Errors;
  toInput(d: Draft): IntakeInput;
}

let dom: Dom;
let draft: DraftModule;
let checkIntake: (input: IntakeInput) => Errors;
let KioskApp: Component;
beforeAll(async () => {
  dom = await loadDom();
  draft = await rendererModule<DraftModule>('kiosk/draft');
  ({ checkIntake } = await rendererModule<{ checkIntake: typeof checkIntake }>('components/parties/intakeCheck'));
  ({ KioskApp } = await rendererModule<{ KioskApp: Component }>('kiosk/KioskApp'));
}, 60_000);

let app: TestApp | undefined;
resetAfterEach(() => dom);

const ID = makeResidentId('410711', '1968-03-12', 31);
const message = (check: { ok: true } | { ok: false; message: string }) => (check.ok ? '' : check.message);

describe('each step of the kiosk asks the one registration check', () => {
  it('the person step: the kiosk’s words for what is left out, the domain’s for a wrong ID number or phone', () => {
    const d = { ...draft.emptyDraft, category: 'neighbor' };
    expect(draft.checkStep('person', d)).toEqual({ name: '请填写您的姓名', phone: '请填写您的手机号码' });
    const wrongId = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    const typed = { ...d, name: '王秀兰', phone: '1380373', idNumber: wrongId };
    const errors = draft.checkStep('person', typed);
    expect(errors).toEqual({ phone: message(validatePhone('1380373')), idNumber: message(validateResidentId(wrongId, '2100-01-01')) });
    // The same messages the clerk's form shows: one check.
    const all = checkIntake(draft.toInput(typed));
    expect(all.idNumber).toBe(errors.idNumber);
    expect(all.phone).toBe(errors.phone);
    expect(draft.checkStep('person', { ...typed, phone: '13803734321', idNumber: ID })).toEqual({});
  });

  it('the later steps: the other party’s phone, the story, the consent; and nothing of another step', () => {
    const d = { ...draft.emptyDraft, category: 'neighbor', name: '王秀兰', phone: '13803734321' };
    expect(draft.checkStep('other', { ...d, otherPartyPhone: '12' }).otherPartyPhone).toBe(message(validatePhone('12')));
    expect(draft.checkStep('other', d)).toEqual({});
    expect(draft.checkStep('story', d)).toEqual({ description: '请简单说说发生了什么' });
    expect(draft.checkStep('consent', d)).toEqual({ consent: '请先阅读上面的告知，点“我同意”后再提交' });
    expect(draft.checkStep('category', draft.emptyDraft)).toEqual({ category: '请选择纠纷类型' });
    expect(draft.checkStep('category', { ...draft.emptyDraft, phone: 'x' })).toEqual({ category: '请选择纠纷类型' });
  });
});

describe('the kiosk, rendered against the real backend', () => {
  it('keeps the draft in memory only, submits it, and has forgotten it afterwards', async () => {
    const backend = await connectBackend({ signIn: false });
    app = backend.app;
    const { fireEvent, screen } = dom.tl;
    const waitFor = <T>(check: () => T, options?: { timeout?: number }) => dom.tl.waitFor(check, options);
    dom.tl.render(dom.page(dom.h(KioskApp, null)));
    fireEvent.click(await waitFor(() => screen.getByRole('listitem', { name: /邻里/ })));
    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type('您的姓名', '王秀兰');
    type('您的手机号码', '13803734321');
    type('身份证号码', ID);
    // Typed, not yet sent: nothing of it in the browser's storage (a reload starts empty; the next person must not find it).
    const stored = () =>
      [browser.sessionStorage, browser.localStorage].flatMap((st) =>
        Array.from({ length: st.length }, (_, i) => `${st.key(i)}=${st.getItem(st.key(i)!)}`),
      );
    expect(stored().join('\n')).not.toMatch(/王秀兰|13803734321|410711/);

    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    fireEvent.click(await waitFor(() => screen.getByRole('button', { name: '不知道，跳过' })));
    type('发生了什么？您希望怎样解决？', '楼上漏水，希望修好。');
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    fireEvent.click(await waitFor(() => screen.getByRole('checkbox')));
    fireEvent.click(screen.getByRole('button', { name: '提交登记' }));
    await waitFor(() => expect(backend.calls).toContain('intake.submit'), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByRole('button', { name: '完成' })).toBeTruthy(), { timeout: 10_000 });
    const pending = await app.call('intake.pending', {}, await app.login());
    expect(pending.map((r: { name: string }) => r.name)).toEqual(['王秀兰']);

    // 完成: the next citizen starts from an empty draft.
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    fireEvent.click(await waitFor(() => screen.getByRole('listitem', { name: /邻里/ })));
    await waitFor(() => expect(screen.getByLabelText('您的姓名').value).toBe(''));
    expect(screen.getByLabelText('您的手机号码').value).toBe('');
    expect(screen.getByLabelText('身份证号码').value).toBe('');
    expect(stored().join('\n')).not.toMatch(/王秀兰|13803734321|410711/);
  });
});
