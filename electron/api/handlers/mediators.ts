import type { mediatorsOps } from '../../common/api/mediators';
import { createMediator, listMediators, setMediatorStatus, updateMediator } from '../../services/roster/mediators';
import type { Handlers } from '../handler';

export const mediatorsHandlers: Handlers<typeof mediatorsOps> = {
  'mediators.list': (input, { app }) => listMediators(app.ctx, input),
  'mediators.create': (input, { app, actor }) => createMediator(app.ctx, actor, input),
  'mediators.update': (input, { app, actor }) => updateMediator(app.ctx, actor, input.id, input.version, input.mediator),
  'mediators.setStatus': (input, { app, actor }) =>
    setMediatorStatus(app.ctx, actor, input.id, input.version, input.status, input.date, input.reason),
};
