/**
 * What kind of case it is: category, source, the tier where it arose, the court's procedure, and
 * the dispute itself (texts.ts). A matter outside 人民调解 (an administrative decision, a petition
 * about policy) is never drawn where the case must be mediated (a court referral, a forced
 * agreement or session): the category or the dispute is drawn again.
 */
import { isOutsidePeopleMediation, type CategoryCode } from '../../../common/domain/categories';
import type { CourtProcedure } from '../../../common/domain/deadlines';
import { courtModeOf, type SourceCode } from '../../../common/domain/sources';
import type { Tier } from '../../../common/domain/tiers';
import type { Force } from '../coverage';
import { TEXTS } from '../disputes';
import type { Dispute } from '../texts';
import type { BuildEnv } from './env';
import { pickCategory, pickSource, pickTier } from './weights';

export interface Kind {
  category: CategoryCode;
  source: SourceCode;
  originTier: Tier;
  /** 委托 (entrusted) cases only: the court's procedure sets the time limit */
  procedure: CourtProcedure | null;
  dispute: Dispute;
}

/** The forced shape needs the case mediated (accepted, sessions, an agreement or a failure, a court's clock). */
function mustBeMediated(f: Force): boolean {
  const handedOn = f.status === undefined || f.status === 'registered' || f.status === 'rejected' || f.status === 'transferred';
  const closedAsHandedOn = f.status === 'closed' && (f.closedOutcome === undefined || f.closedOutcome === 'transferred');
  return (
    !(handedOn || closedAsHandedOn) ||
    (f.source !== undefined && courtModeOf(f.source) !== null) ||
    !!(f.scenario || f.escalate || f.extension || f.procedure || f.confirmation || f.followup || f.undisputed)
  );
}

export function drawKind(env: BuildEnv, f: Force): Kind {
  const { rng } = env;
  const mediated = mustBeMediated(f);
  let category = f.category ?? pickCategory(rng);
  while (mediated && f.category === undefined && isOutsidePeopleMediation(category)) category = pickCategory(rng);
  const source = f.source ?? pickSource(rng, category);
  const originTier = f.originTier ?? pickTier(rng, category, source);
  const procedure = courtModeOf(source) === 'entrusted' ? (f.procedure ?? (rng.chance(0.4) ? 'ordinary' : 'simple')) : null;
  const all = TEXTS[category].disputes;
  const civil = all.filter((d) => !d.outside);
  const dispute = rng.pick((mediated || courtModeOf(source)) && civil.length > 0 ? civil : all);
  return { category, source, originTier, procedure, dispute };
}
