/**
 * The numbers a citizen is given: the query code (random, never guessable) and the queue number
 * (per day, gapless: A001, A002, …).
 */
import { randomInt } from 'node:crypto';
import { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from '../../common/api/intake';
import type { ServiceContext } from '../core/context';
import { drawCounter } from '../core/counters';

/** A fresh query code from the OS's CSPRNG, uniform over the alphabet (randomInt has no modulo bias). */
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) s += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return s;
}

export const QUEUE_PREFIX = 'A';

/** 1 → 'A001'; past 999 the number simply grows ('A1000'). */
export const formatQueueCode = (n: number): string => `${QUEUE_PREFIX}${String(n).padStart(3, '0')}`;

/**
 * Draws the day's next queue number. Call inside an IMMEDIATE transaction: the write lock is taken
 * before the counter is read, so two kiosks (processes) never draw the same number, and a
 * transaction that rolls back gives its number back (gapless).
 */
export function drawQueueNumber(ctx: Pick<ServiceContext, 'db'>, day: string): number {
  return drawCounter(ctx, `queue:${day}`);
}

/** The registration's own number until it becomes a case: the day and the queue code, e.g. 20261120-A001. */
export const registrationNumberOf = (day: string, queueCode: string): string => `${day.replace(/-/g, '')}-${queueCode}`;
