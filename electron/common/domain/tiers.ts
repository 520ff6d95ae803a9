/**
 * Tiers (层级) that handle a dispute: "小纠纷不出村、大纠纷不出镇、疑难纠纷不出区".
 * Codes are those of district-api.md ("Case fields", `tier`). Escalation moves a case one tier up
 * and does not change its status (lifecycle.ts).
 */
import { z } from 'zod';

export const TIERS = ['village', 'town', 'district'] as const;
export type Tier = (typeof TIERS)[number];
export const tierSchema = z.enum(TIERS);

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  village: '村（社区）',
  town: '镇（街道）',
  district: '区',
};

export function isTier(t: unknown): t is Tier {
  return typeof t === 'string' && (TIERS as readonly string[]).includes(t);
}

export function tierLabel(t: string): string {
  return isTier(t) ? TIER_LABELS[t] : t;
}

/** 0 for village, 1 for town, 2 for district: higher handles harder disputes. */
export function tierRank(t: Tier): number {
  return TIERS.indexOf(t);
}

/** The tier a case escalates to, or null from the district (the top). */
export function nextTier(t: Tier): Tier | null {
  return TIERS[tierRank(t) + 1] ?? null;
}
