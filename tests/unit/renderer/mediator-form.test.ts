// @vitest-environment happy-dom
/**
 * A form of the window, rendered for real (React, antd, TanStack Query in happy-dom, driven with
 * Testing Library) against a real backend on a real SQLite file, reached the way the desktop app
 * reaches it (the preload bridge's `invoke`): 新增调解员 (roster/MediatorModal).
 *
 * - Its own validation: bad input is refused in the form, with Chinese messages under the fields,
 *   and nothing reaches the backend.
 * - The error mapping: what the form cannot know (the backend's clock says the ID number's birth
 *   date is still to come) comes back as {code, message, fields}, and the message lands under the
 *   field it names; nothing is saved. A failure that is not the API's shows a plain Chinese
 *   sentence, never its stack.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId, validatePhone } from '../../../electron/common/domain/identity';
import { startTestApp, type TestApp } from '../../support/backend';

/*
 * Everything of the DOM world is loaded by path at run time and typed here by the little this file
 * uses, like client.test.ts does: the Node-side type check has no DOM library, and pulling one in
 * (through React's or Testing Library's types) would change the types of the Playwright page objects.
 */
const RENDERER = '../../../renderer/src/';
const dynamic = <T>(name: string) => import(/* @vite-ignore */ name) as Promise<T>;
interface El {
  textContent: string | null;
  closest(selector: string): El | null;
}
interface Queries {
  getByRole(role: string, options?: { name?: RegExp | string }): El;
  getByLabelText(text: string): El;
  getByText(text: string | RegExp): El;
  getAllByText(text: string | RegExp): El[];
}
interface TestingLibrary {
  render(ui: unknown): unknown;
  cleanup(): void;
  screen: Queries;
  within: (element: El) => Queries;
  fireEvent: { change: (element: El, init: { target: { value: string } }) => void; click: (element: El) => void };
  waitFor<T>(check: () => T): Promise<T>;
}
type Component = (props: never) => unknown;
let h: (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
let tl: TestingLibrary;
let MediatorModal: Component;
let ErrorAlert: Component;
let errorMessage: (e: unknown) => string;
let AntApp: Component;
let query: { QueryClient: new () => unknown; QueryClientProvider: Component };
const browser = globalThis as unknown as {
  window: { matchMedia?: unknown; mediationDesk?: unknown };
  sessionStorage: { setItem(key: string, value: string): void; clear(): void };
};

beforeAll(async () => {
  // antd reads this; happy-dom has no layout engine to answer it.
  browser.window.matchMedia ??= (q: string) => ({
    matches: false,
    media: q,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
  ({ createElement: h } = await dynamic<{ createElement: typeof h }>('react'));
  tl = await dynamic<TestingLibrary>('@testing-library/react');
  ({ MediatorModal } = await dynamic<{ MediatorModal: Component }>(`${RENDERER}pages/roster/MediatorModal`));
  ({ ErrorAlert } = await dynamic<{ ErrorAlert: Component }>(`${RENDERER}components/ErrorAlert`));
  ({ errorMessage } = await dynamic<{ errorMessage: typeof errorMessage }>(`${RENDERER}components/apiErrors`));
  ({ App: AntApp } = await dynamic<{ App: Component }>('antd'));
  query = await dynamic<typeof query>('@tanstack/react-query');
}, 60_000);

let app: TestApp | undefined;
let calls: string[] = [];
afterEach(() => {
  tl.cleanup();
  app?.close();
  app = undefined;
  calls = [];
  browser.sessionStorage.clear();
});

/** The real backend behind the bridge the preload script gives the window, signed in as the admin. */
async function connect(now?: string): Promise<TestApp> {
  app = await startTestApp(now ? { now } : {});
  const a = app;
  const session = await a.login();
  browser.sessionStorage.setItem('mediation-desk.session', session);
  browser.window.mediationDesk = {
    invoke: (req: { op: string }) => {
      calls.push(req.op);
      return a.raw(req);
    },
  };
  return a;
}

function openNewMediatorForm() {
  const client = new query.QueryClient();
  tl.render(
    h(query.QueryClientProvider, { client }, h(AntApp, null, h(MediatorModal, { open: true, editing: null, onClose: () => undefined }))),
  );
  const { within, fireEvent } = tl;
  const dialog = tl.screen.getByRole('dialog');
  return {
    dialog,
    field: (label: string) => within(dialog).getByLabelText(label),
    type: (label: string, value: string) => fireEvent.change(within(dialog).getByLabelText(label), { target: { value } }),
    submit: () => fireEvent.click(within(dialog).getByRole('button', { name: /新\s*增/ })),
  };
}

const rosterNames = async (a: TestApp) => (await a.call('mediators.list', {}, await a.login())).map((m: { name: string }) => m.name);

describe('新增调解员, rendered against the real backend', () => {
  it('refuses an empty name, a short ID number and a bad phone in the form, and sends nothing', async () => {
    const a = await connect();
    const before = await rosterNames(a);
    const form = openNewMediatorForm();
    form.type('身份证号码', '123');
    form.type('联系电话', '12');
    form.submit();
    await tl.waitFor(() => expect(tl.within(form.dialog).getByText('身份证号码应为18位，现为3位')).toBeTruthy());
    expect(tl.within(form.dialog).getByText(/请填写姓名或名称/)).toBeTruthy();
    const phone = validatePhone('12');
    expect(phone.ok).toBe(false);
    expect(form.field('联系电话').closest('.ant-form-item')!.textContent).toContain(phone.ok ? '' : phone.message);
    expect(calls).not.toContain('mediators.create');
    expect(await rosterNames(a)).toEqual(before);
  });

  it('puts the backend’s field message under the field it names, and saves nothing', async () => {
    // The backend's day is 2020-01-01: an ID number born in 2021 is fine for the form (the machine's
    // day is later) and refused by the backend, which names the field.
    const a = await connect('2020-01-01T10:00:00+08:00');
    const before = await rosterNames(a);
    const form = openNewMediatorForm();
    form.type('姓名或名称', '赵大勇');
    form.type('身份证号码', makeResidentId('410711', '2021-03-01', 31));
    form.submit();
    await tl.waitFor(() => expect(calls).toContain('mediators.create'));
    await tl.waitFor(() => expect(tl.within(form.dialog).getAllByText(/晚于今天/).length).toBeGreaterThan(0));
    // Under the field (antd's explain area of that item), not only in the alert on top.
    // The alert and the field's message render in separate updates: wait for the field's.
    const item = form.field('身份证号码').closest('.ant-form-item')!;
    await tl.waitFor(() => expect(item.textContent).toContain('身份证号码中的出生日期（第7至14位）晚于今天'));
    expect(await rosterNames(a)).toEqual(before);
  });
});

describe('errors that are not the API’s', () => {
  it('show a plain Chinese sentence, never the stack', () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(errorMessage(e)).toBe('操作未完成，请重试；如仍不成功，请联系管理员。');
    tl.render(h(ErrorAlert, { error: e, title: '保存失败' }));
    const alert = tl.screen.getByRole('alert');
    expect(alert.textContent).toContain('保存失败');
    expect(alert.textContent).toContain('操作未完成，请重试');
    expect(alert.textContent).not.toMatch(/TypeError|Cannot read|undefined/);
  });
});
