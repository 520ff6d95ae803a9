/** What building a case needs from the run: the rng, the writer, the clock, the rules, the roster. */
import type { CategoryCode } from '../../../common/domain/categories';
import type { SourceCode } from '../../../common/domain/sources';
import type { DomainDates } from '../dates';
import type { People } from '../people';
import type { Rng } from '../prng';
import type { DemoMediator } from '../roster';
import { DAY } from '../time';
import type { DemoWriter } from '../writer';

export interface Counts {
  cases: number;
  parties: number;
  sessions: number;
  referrals: number;
  confirmations: number;
  followups: number;
  audit: number;
}

/** Yearly serials the demo invents for other bodies' numbers (court, 信访局, hotline). */
export class YearSerials {
  private readonly values = new Map<string, number>();
  constructor(private readonly rng: Rng) {}
  next(kind: string, year: number, firstMax = 80): number {
    const key = `${kind}:${year}`;
    const v = (this.values.get(key) ?? this.rng.int(1, firstMax)) + this.rng.int(1, 3);
    this.values.set(key, v);
    return v;
  }
}

export class RosterIndex {
  private readonly residents: DemoMediator[];
  private readonly invited: DemoMediator[];
  private readonly inactive: DemoMediator[];
  private readonly bySpecialty = new Map<string, DemoMediator[]>();

  constructor(all: readonly DemoMediator[]) {
    const active = all.filter((m) => m.status === 'active');
    this.residents = active.filter((m) => m.kind === 'resident');
    this.invited = active.filter((m) => m.kind !== 'resident');
    this.inactive = all.filter((m) => m.status !== 'active');
    for (const m of this.residents) {
      for (const s of m.specialties) this.bySpecialty.set(s, [...(this.bySpecialty.get(s) ?? []), m]);
    }
  }

  /**
   * Lead and (sometimes) assistant for a case assigned at `ms`. Only mediators on the roster at
   * that moment: a since-suspended or removed mediator may have older cases, never newer ones.
   */
  pick(rng: Rng, category: CategoryCode, court: boolean, ms: number): DemoMediator[] {
    const special = this.bySpecialty.get(category);
    const pool = court && rng.chance(0.7) ? this.invited : special && rng.chance(0.75) ? special : this.residents;
    let lead = rng.pick(pool);
    if (rng.chance(0.05)) {
      const former = this.inactive.filter((m) => m.statusMs > ms + DAY && m.createdMs < ms);
      if (former.length > 0) lead = rng.pick(former);
    }
    if (!rng.chance(0.3)) return [lead];
    const assistant = rng.pick(this.residents);
    return assistant.id === lead.id ? [lead] : [lead, assistant];
  }
}

export interface BuildEnv {
  rng: Rng;
  people: People;
  w: DemoWriter;
  nowMs: number;
  today: string;
  /** the domain's date rules with the centre's deadline overrides */
  dates: DomainDates;
  /** days from acceptance to the deadline, per source, with the centre's overrides applied */
  limitDays: Readonly<Record<SourceCode, number>>;
  /** the centre's first follow-up, days after the agreement (settings) */
  followupDays: number;
  drawNumber(year: number): { serial: number; caseNumber: string };
  roster: RosterIndex;
  clerks: readonly string[];
  serials: YearSerials;
  counts: Counts;
}
