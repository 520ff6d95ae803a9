/**
 * The window's components rendered for real in happy-dom (React, antd, TanStack Query, driven with
 * Testing Library), against a real backend on a real SQLite file reached the way the desktop app
 * reaches it: the preload bridge's `invoke` on `window.mediationDesk`.
 *
 * Everything of the DOM world is loaded by path at run time and typed here by the little the tests
 * use (as mediator-form.test.ts does): the Node-side type check has no DOM library, and pulling one
 * in would change the types of the Playwright page objects.
 */
import { afterEach } from 'vitest';
import { startTestApp, type TestApp } from './backend';

export interface El {
  textContent: string | null;
  value?: string;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
}
export interface Queries {
  getByRole(role: string, options?: { name?: RegExp | string }): El;
  queryByRole(role: string, options?: { name?: RegExp | string }): El | null;
  getByLabelText(text: string | RegExp): El;
  queryByLabelText(text: string | RegExp): El | null;
  getByText(text: string | RegExp): El;
  getAllByText(text: string | RegExp): El[];
  getByTestId(id: string): El;
}
export interface TestingLibrary {
  render(ui: unknown): { unmount(): void };
  cleanup(): void;
  screen: Queries;
  within: (element: El) => Queries;
  fireEvent: { change: (element: El, init: { target: { value: string } }) => void; click: (element: El) => void };
  waitFor<T>(check: () => T, options?: { timeout?: number }): Promise<T>;
  act(fn: () => unknown): Promise<void>;
}
export type Component = (props: never) => unknown;
export type H = (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

const RENDERER = '../../renderer/src/';
const dynamic = <T>(name: string) => import(/* @vite-ignore */ name) as Promise<T>;
/** A module of the renderer, by its path under renderer/src. */
export const rendererModule = <T>(path: string) => dynamic<T>(`${RENDERER}${path}`);

export const browser = globalThis as unknown as {
  window: { matchMedia?: unknown; mediationDesk?: unknown };
  sessionStorage: Storage;
  localStorage: Storage;
};
interface Storage {
  setItem(key: string, value: string): void;
  getItem(key: string): string | null;
  clear(): void;
  readonly length: number;
  key(i: number): string | null;
}

export interface Dom {
  h: H;
  tl: TestingLibrary;
  /** Wraps a component in what the window gives every page: a query client and antd's App. */
  page(ui: unknown): unknown;
}

export async function loadDom(): Promise<Dom> {
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
  const { createElement: h } = await dynamic<{ createElement: H }>('react');
  const tl = await dynamic<TestingLibrary>('@testing-library/react');
  const { App: AntApp } = await dynamic<{ App: Component }>('antd');
  const query = await dynamic<{ QueryClient: new () => unknown; QueryClientProvider: Component }>('@tanstack/react-query');
  return { h, tl, page: (ui) => h(query.QueryClientProvider, { client: new query.QueryClient() }, h(AntApp, null, ui)) };
}

/** Every backend connectBackend opened and the test has not finished with. */
const opened: TestApp[] = [];

/**
 * After each test of the file: the rendered tree unmounted, every backend connectBackend opened
 * closed, and what the window kept (session, drafts) cleared, so the next test starts afresh.
 */
export function resetAfterEach(dom: () => Dom): void {
  afterEach(() => {
    dom().tl.cleanup();
    for (const app of opened.splice(0)) app.close();
    browser.sessionStorage.clear();
    browser.localStorage.clear();
  });
}

/** The real backend behind the preload bridge, signed in as the admin; `calls` lists the operations the window sent. */
export async function connectBackend(opts: { now?: string; signIn?: boolean } = {}): Promise<{ app: TestApp; calls: string[] }> {
  const app = await startTestApp(opts.now ? { now: opts.now } : {});
  opened.push(app);
  const calls: string[] = [];
  if (opts.signIn !== false) browser.sessionStorage.setItem('mediation-desk.session', await app.login());
  browser.window.mediationDesk = {
    invoke: (req: { op: string }) => {
      calls.push(req.op);
      return app.raw(req);
    },
  };
  return { app, calls };
}

/** The antd form item (label, control and its messages) of the control labelled `label` in `scope`. */
export const formItem = (scope: Queries, label: string | RegExp): El => scope.getByLabelText(label).closest('.ant-form-item')!;
