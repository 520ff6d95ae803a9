/**
 * Structured parts of a case stored as JSON (db/schema.ts) and shown or edited in the app.
 */
export interface Reporter {
  name?: string | undefined;
  grid?: string | undefined;
  reference?: string | undefined;
  organisation?: string | undefined;
  phone?: string | undefined;
}

export interface AgreementDetails {
  /** Each party's responsibility (人民调解法 Art. 29(2)). */
  responsibility?: string | undefined;
  /** The agreed terms, numbered when printed (Art. 29(3)). */
  terms: string[];
  performanceMethod?: string | undefined;
  performancePlace?: string | undefined;
  performanceDeadline?: string | undefined;
  /** 口头协议 (Art. 30) */
  oral?: boolean | undefined;
}

export interface UndisputedDetails {
  /** Every party agreed that the record be made. */
  consent: boolean;
  facts: string[];
  disputedPoints: string[];
  failureReason: string;
  place?: string | undefined;
  /**
   * YYYY-MM-DD: the day the facts were recorded with the parties. Every print and reprint shows
   * this day (not the print date); set when the record is first saved unless the clerk gives it.
   */
  recordedOn?: string | undefined;
}
