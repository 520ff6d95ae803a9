/**
 * Every operation's handler, checked against the contract: a missing or extra one fails to compile.
 * Each runs behind the case-level access check of its operation (case-scope.ts).
 */
import type { Api } from '../../common/api';
import { withCaseAccess } from '../case-scope';
import type { Handlers } from '../handler';
import { authHandlers, usersHandlers } from './auth';
import { calendarHandlers } from './calendar';
import { casesHandlers } from './cases';
import { courtHandlers } from './court';
import { devicesHandlers } from './devices';
import { dataHandlers } from './data';
import { documentsHandlers } from './documents';
import { importHandlers } from './imports';
import { intakeHandlers } from './intake';
import { mediatorsHandlers } from './mediators';
import { settingsHandlers } from './settings';
import { setupHandlers } from './setup';
import { statsHandlers } from './stats';
import { uploadHandlers } from './upload';

export const handlers: Handlers<Api> = withCaseAccess({
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
  ...calendarHandlers,
  ...dataHandlers,
  ...importHandlers,
});
