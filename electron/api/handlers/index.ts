/** Every operation's handler, checked against the contract: a missing or extra one fails to compile. */
import type { Api } from '../../common/api';
import type { Handlers } from '../handler';
import { authHandlers, usersHandlers } from './auth';
import { casesHandlers } from './cases';
import { courtHandlers } from './court';
import { devicesHandlers } from './devices';
import { documentsHandlers } from './documents';
import { intakeHandlers } from './intake';
import { mediatorsHandlers } from './mediators';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { statsHandlers } from './stats';
import { uploadHandlers } from './upload';

export const handlers: Handlers<Api> = {
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...casesHandlers,
  ...mediatorsHandlers,
  ...courtHandlers,
  ...intakeHandlers,
  ...statsHandlers,
  ...uploadHandlers,
  ...documentsHandlers,
  ...devicesHandlers,
};
