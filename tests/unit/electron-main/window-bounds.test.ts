import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, restoreBounds, type Rect } from '../../../electron/main/window-bounds';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const leftScreen: Rect = { x: -1600, y: 0, width: 1600, height: 860 };

describe('window bounds', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreBounds(null, [primary], primary)).toEqual({ x: 320, y: 120, ...DEFAULT_SIZE, maximized: false });
  });

  it('fits the default size into a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    expect(restoreBounds(null, [small], small)).toEqual({ x: 43, y: 0, width: 1280, height: 728, maximized: false });
  });

  it('reopens where it was, also on a second screen left of the primary', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: false };
    expect(restoreBounds(saved, [primary], primary)).toEqual(saved);
    const onLeft = { x: -1500, y: 10, width: 1300, height: 800, maximized: true };
    expect(restoreBounds(onLeft, [primary, leftScreen], primary)).toEqual(onLeft);
  });

  it('comes back to the primary screen when its screen was unplugged, keeping "maximized"', () => {
    const onLeft = { x: -1500, y: 10, width: 1300, height: 800, maximized: true };
    expect(restoreBounds(onLeft, [primary], primary)).toEqual({ x: 320, y: 120, ...DEFAULT_SIZE, maximized: true });
  });

  it('pulls a half-visible window fully onto its screen and shrinks it to fit', () => {
    expect(restoreBounds({ x: -300, y: 900, width: 1300, height: 800, maximized: false }, [primary], primary)).toEqual({
      x: 0,
      y: 240,
      width: 1300,
      height: 800,
      maximized: false,
    });
    expect(restoreBounds({ x: 10, y: 10, width: 5000, height: 3000, maximized: false }, [primary], primary)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    });
  });

  it('treats a title bar above the top of every screen as lost', () => {
    expect(restoreBounds({ x: 100, y: -500, width: 1300, height: 800, maximized: false }, [primary], primary).y).toBe(120);
  });

  it('never opens smaller than the minimum size', () => {
    const r = restoreBounds({ x: 100, y: 100, width: 300, height: 200, maximized: false }, [primary], primary);
    expect(r.width).toBe(MIN_SIZE.width);
    expect(r.height).toBe(MIN_SIZE.height);
  });
});
