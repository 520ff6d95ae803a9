import type { settingsOps } from '../../common/api/settings';
import { getSettings, updateSettings } from '../../services/core/centre-settings-store';
import type { Handlers } from '../handler';

export const settingsHandlers: Handlers<typeof settingsOps> = {
  'settings.get': (_input, { app }) => getSettings(app.ctx),
  'settings.update': (input, { app, actor }) => updateSettings(app.ctx, actor, input),
};
