/**
 * Where the main window reopens. Pure (no electron import) so it is unit-tested: the classic bug is
 * a window restored onto a monitor that has since been unplugged, i.e. invisible.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowBounds extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 1024, height: 700 } as const;

/** How much of the title bar must lie on a screen for the window to be reachable with a mouse. */
const MIN_VISIBLE = { width: 200, height: 40 } as const;

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The bounds to open with: the saved ones when their title bar is still on one of the current
 * work areas (shrunk to fit it), otherwise the default size centred on the primary work area.
 */
export function restoreBounds(saved: WindowBounds | null, workAreas: readonly Rect[], primary: Rect): WindowBounds {
  const centred = (area: Rect): WindowBounds => {
    const width = Math.min(DEFAULT_SIZE.width, area.width);
    const height = Math.min(DEFAULT_SIZE.height, area.height);
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
      maximized: false,
    };
  };
  if (!saved) return centred(primary);

  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const home = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen !== null && seen.width >= Math.min(MIN_VISIBLE.width, saved.width) && seen.height >= MIN_VISIBLE.height;
  });
  if (!home) return { ...centred(primary), maximized: saved.maximized };

  const width = Math.min(Math.max(saved.width, MIN_SIZE.width), home.width);
  const height = Math.min(Math.max(saved.height, MIN_SIZE.height), home.height);
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}
