/** What kind of case it is: category, source, the tier where it arose, the court's procedure. */
import type { CategoryCode } from '../../../common/domain/categories';
import type { CourtProcedure } from '../../../common/domain/deadlines';
import { courtModeOf, type SourceCode } from '../../../common/domain/sources';
import type { Tier } from '../../../common/domain/tiers';
import type { Force } from '../coverage';
import { TEXTS, type CategoryTexts } from '../texts';
import type { BuildEnv } from './env';
import { pickCategory, pickSource, pickTier } from './weights';

export interface Kind {
  category: CategoryCode;
  source: SourceCode;
  originTier: Tier;
  /** 委托 (entrusted) cases only: the court's procedure sets the time limit */
  procedure: CourtProcedure | null;
  texts: CategoryTexts;
}

export function drawKind(env: BuildEnv, f: Force): Kind {
  const { rng } = env;
  const category = f.category ?? pickCategory(rng);
  const source = f.source ?? pickSource(rng, category);
  const originTier = f.originTier ?? pickTier(rng, category, source);
  const procedure = courtModeOf(source) === 'entrusted' ? (f.procedure ?? (rng.chance(0.4) ? 'ordinary' : 'simple')) : null;
  return { category, source, originTier, procedure, texts: TEXTS[category] };
}
