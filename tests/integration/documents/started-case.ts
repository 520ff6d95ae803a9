/**
 * A walk-in case under mediation, through the API: registered, accepted, assigned to 陈秀兰 and
 * started on 2026-11-10. The documents tests that drive a case on from there share it.
 */
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { mediator, steps } from '../court/helpers';

export interface StartedCase {
  app: TestApp;
  /** A signed-in session of the administrator. */
  s: string;
  caseId: string;
}

export async function startedCase(): Promise<StartedCase> {
  const app = await startTestApp({ now: '2026-11-10T09:00:00+08:00' });
  const s = await app.login();
  const m = await mediator(app, s, '陈秀兰');
  const c = await app.call('cases.register', walkInCase(), s);
  let d = await app.call('cases.get', { id: c.id }, s);
  if (d.availableActions.includes('accept')) d = await steps(app, s, c.id, ['accept']);
  await app.call('cases.assignMediator', { id: c.id, version: d.version, mediatorId: m.id }, s);
  await steps(app, s, c.id, ['start']);
  return { app, s, caseId: c.id };
}
