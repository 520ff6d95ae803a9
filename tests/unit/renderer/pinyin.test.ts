import { describe, expect, it } from 'vitest';
import { cleanLetters, lookup } from '../../../renderer/src/kiosk/pinyin';
import { PINYIN_TABLE } from '../../../renderer/src/kiosk/pinyin-table';

describe('the kiosk pinyin pad lookup', () => {
  it('offers the common name characters first', () => {
    expect(lookup('wang').chars[0]).toBe('王');
    expect(lookup('xiu').chars[0]).toBe('秀');
    expect(lookup('lan').chars[0]).toBe('兰');
    expect(lookup('zhang').chars[0]).toBe('张');
    expect(lookup('li').chars.slice(0, 3)).toContain('李');
    // A character under a reading that is not its usual one comes after those it is usual for.
    const xiu = lookup('xiu').chars;
    expect(xiu.indexOf('修')).toBeLessThan(xiu.indexOf('臭'));
  });

  it('takes a whole name typed at once syllable by syllable', () => {
    let rest = 'wangxiulan';
    const chosen: string[] = [];
    while (rest) {
      const { letters, chars } = lookup(rest);
      expect(letters.length).toBeGreaterThan(0);
      chosen.push(chars[0]!);
      rest = rest.slice(letters.length);
    }
    expect(chosen.join('')).toBe('王秀兰');
  });

  it('offers what a syllable in progress may become', () => {
    const zh = lookup('zh');
    expect(zh.letters).toBe('zh');
    expect(zh.chars).toEqual(expect.arrayContaining(['张', '赵', '周']));
    expect(new Set(zh.chars).size).toBe(zh.chars.length);
  });

  it('types ü as v, and polyphonic surnames under their surname reading', () => {
    expect(cleanLetters('LÜ')).toBe('lv');
    expect(lookup('lv').chars[0]).toBe('吕');
    expect(lookup('shan').chars).toContain('单');
    expect(lookup('qiu').chars).toContain('仇');
  });

  it('covers GB 2312 and the name characters outside it', () => {
    const all = new Set(Object.values(PINYIN_TABLE).flatMap((s) => [...s]));
    expect(all.size).toBeGreaterThan(6700);
    for (const ch of ['喆', '堃', '淼', '玥', '珺', '赟']) expect(all.has(ch), ch).toBe(true);
  });

  it('answers nonsense with nothing, not an error', () => {
    expect(lookup('')).toEqual({ letters: '', chars: [] });
    expect(lookup('123')).toEqual({ letters: '', chars: [] });
    expect(lookup('iiii')).toEqual({ letters: '', chars: [] });
    expect(lookup('vvvv').chars).toEqual([]);
  });
});
