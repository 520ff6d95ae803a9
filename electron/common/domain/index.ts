/**
 * The pure domain rules, for main process and renderer alike: only zod and dayjs are imported
 * below this folder (no node:*, no electron).
 */
export * from './categories';
export * from './sources';
export * from './tiers';
export * from './lifecycle';
export * from './dates';
export * from './identity';
export * from './deadlines';
export * from './calendar';
export * from './icsHolidays';
export * from './caseNumber';
export * from './committee';
export * from './agreement';
export * from './confirmation';
export * from './money';
export * from './caseFields';
export * from './partyRoles';
export * from './ledgerCells';
export * from './ledgerColumns';
export * from './rosterColumns';
export * from './mediatorKinds';
export * from './sessionKinds';
