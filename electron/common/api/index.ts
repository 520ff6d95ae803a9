/**
 * The whole API: every domain's operations merged into one table. A name declared twice throws
 * at start-up (mergeTables). Add a domain by writing its table next to this file and listing it here.
 */
// Chinese messages for every schema, before any operation is declared.
import '../zod-messages';
import { authOps, usersOps } from './auth';
import { calendarOps } from './calendar';
import { casesOps } from './cases';
import { courtOps } from './court';
import { dataOps } from './data';
import { importOps } from './imports';
import { devicesOps } from './devices';
import { documentsOps } from './documents';
import { mediatorsOps } from './mediators';
import { mergeTables } from './contract';
import { intakeOps } from './intake';
import { settingsOps } from './settings';
import { setupOps } from './setup';
import { statsOps } from './stats';
import { uploadOps } from './upload';

export const api = mergeTables(
  setupOps,
  authOps,
  usersOps,
  settingsOps,
  casesOps,
  mediatorsOps,
  courtOps,
  intakeOps,
  statsOps,
  documentsOps,
  uploadOps,
  devicesOps,
  calendarOps,
  dataOps,
  importOps,
);
export type Api = typeof api;
export type OpName = Extract<keyof Api, string>;
