import type { setupOps } from '../../common/api/setup';
import { getCentre, requireCentre, setUpCentre } from '../../services/centre';
import type { Handlers } from '../handler';

export const setupHandlers: Handlers<typeof setupOps> = {
  'setup.status': (_input, { app }) => {
    const c = getCentre(app.ctx);
    return { setUp: !!c, centre: c ? { name: c.name, centreCode: c.centreCode } : null };
  },
  'setup.create': (input, { app }) => setUpCentre(app.ctx, input),
  'centre.get': (_input, { app }) => requireCentre(app.ctx),
};
