/**
 * The whole API: every domain's operations merged into one table. A name declared twice throws
 * at start-up (mergeTables). Add a domain by writing its table next to this file and listing it here.
 */
import { authOps, usersOps } from './auth';
import { casesOps } from './cases';
import { mediatorsOps } from './mediators';
import { mergeTables } from './contract';
import { settingsOps } from './settings';
import { setupOps } from './setup';

export const api = mergeTables(setupOps, authOps, usersOps, settingsOps, casesOps, mediatorsOps);
export type Api = typeof api;
export type OpName = keyof Api & string;
