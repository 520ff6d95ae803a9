/**
 * The pinyin pad's lookup: letters typed → the characters to choose from. Like every pinyin input
 * method, it offers characters for the first syllable of what was typed ("wangxiulan" offers 王…),
 * and choosing one consumes that syllable's letters, so a whole name can be typed at once.
 */
import { PINYIN_TABLE } from './pinyin-table';

const SYLLABLES = Object.keys(PINYIN_TABLE).sort();
const LONGEST = Math.max(...SYLLABLES.map((s) => s.length));

export interface Lookup {
  /** the letters the candidates are for (consumed when one is chosen); '' when nothing matches */
  letters: string;
  chars: string[];
}

/** Letters only, lower case; ü may be typed as v or u: (lv/lü). */
export function cleanLetters(s: string): string {
  return s
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z]/g, '');
}

/** Takes the first of each list, then the second of each, …: the usual character of every syllable comes early. */
function interleave(lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

export function lookup(typed: string): Lookup {
  const letters = cleanLetters(typed);
  if (!letters) return { letters: '', chars: [] };
  // Still growing into a syllable ("x", "zh", "xiu"): the syllable itself first, then those it may become.
  const growing = SYLLABLES.filter((s) => s.startsWith(letters));
  if (growing.length > 0) {
    const exact = PINYIN_TABLE[letters];
    const longer = growing.filter((s) => s !== letters).map((s) => [...PINYIN_TABLE[s]!]);
    return { letters, chars: [...new Set([...(exact ? [...exact] : []), ...interleave(longer)])] };
  }
  // Several syllables typed together: the longest syllable they start with.
  for (let n = Math.min(LONGEST, letters.length - 1); n > 0; n--) {
    const head = letters.slice(0, n);
    const chars = PINYIN_TABLE[head];
    if (chars) return { letters: head, chars: [...chars] };
  }
  return { letters: '', chars: [] };
}
