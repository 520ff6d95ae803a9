/**
 * Charts and colours (issue 19): the theme's alert and tag colours meet WCAG AA (4.5:1 for text),
 * computed from antd's own design tokens for our theme, as the browser paints them.
 */
import { beforeAll, describe, expect, it } from 'vitest';

// Loaded by path at run time, like client.test.ts: the renderer and antd (DOM types) are outside
// this project's type check, which has its own (renderer/tsconfig.json).
const RENDERER = '../../../renderer/src/';
const ANTD = 'antd';
let tokens: Record<string, string>;
let DEADLINE_COLORS: Record<string, string>;
let STATUS_COLORS: Record<string, string>;
beforeAll(async () => {
  const antd = (await import(/* @vite-ignore */ ANTD)) as { theme: { getDesignToken(t: unknown): unknown } };
  const { theme } = (await import(/* @vite-ignore */ `${RENDERER}theme`)) as { theme: unknown };
  tokens = antd.theme.getDesignToken(theme) as Record<string, string>;
  ({ DEADLINE_COLORS, STATUS_COLORS } = (await import(/* @vite-ignore */ `${RENDERER}pages/cases/labels`)) as {
    DEADLINE_COLORS: Record<string, string>;
    STATUS_COLORS: Record<string, string>;
  });
});

/** Relative luminance (WCAG 2.1) of #rrggbb, or of black at an alpha over white (rgba(0, 0, 0, a)). */
function luminance(colour: string): number {
  const rgba = /^rgba\(0, ?0, ?0, ?([\d.]+)\)$/.exec(colour);
  const channels = rgba
    ? [0, 0, 0].map(() => 1 - Number(rgba[1]))
    : (colour.replace('#', '').match(/../g) ?? []).map((x) => parseInt(x, 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('WCAG AA contrast of the theme', () => {
  it('computes known ratios (black on white 21:1, the old grey-green success background 2.6:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#2e7d32', '#b3bdb1')).toBeLessThan(3);
  });

  it.each(['Success', 'Warning', 'Error', 'Info'])('%s: text, icon and tag text on its background reach 4.5:1', (kind) => {
    const bg = tokens[`color${kind}Bg`]!;
    expect(contrast(tokens.colorText!, bg), `正文 on color${kind}Bg`).toBeGreaterThanOrEqual(4.5);
    // A status tag's text, and the alert's icon, are color<Kind> on color<Kind>Bg.
    expect(contrast(tokens[`color${kind}`]!, bg), `color${kind} on color${kind}Bg`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tokens[`color${kind}Text`]!, bg), `color${kind}Text on color${kind}Bg`).toBeGreaterThanOrEqual(4.5);
  });

  it('the deadline tags (剩 N 天, 即将到期, 逾期) and the case status tags use status colours, not the low-contrast presets', () => {
    for (const c of [...Object.values(DEADLINE_COLORS), ...Object.values(STATUS_COLORS)]) {
      expect(['default', 'success', 'warning', 'error', 'processing', 'blue', 'purple'], c).toContain(c);
    }
    // The presets still in use: their text (shade 7) on their background (shade 1).
    for (const preset of ['blue', 'purple'])
      expect(contrast(tokens[`${preset}7`]!, tokens[`${preset}1`]!), preset).toBeGreaterThanOrEqual(4.5);
  });
});
