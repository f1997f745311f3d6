// Where the window opens: the remembered bounds when they still fit on a connected display (a
// monitor may have been unplugged since), otherwise centred on the primary display. Pure, so the
// cases are unit-tested without Electron.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the settings store keeps: the position is absent when it was never known. */
export type SavedBounds = Partial<Pick<Bounds, 'x' | 'y'>> & Pick<Bounds, 'width' | 'height'>;

export const minWindowSize = { width: 800, height: 600 } as const;
export const defaultWindowSize = { width: 1100, height: 760 } as const;

/** How much of the title bar must lie on a display for the user to be able to grab it. */
const minVisibleTitleBar = { width: 100, height: 32 } as const;
const fallbackWorkArea: Bounds = { x: 0, y: 0, width: 1280, height: 800 };

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function isReachable(bounds: Bounds, workAreas: readonly Bounds[]): boolean {
  const titleBar = { ...bounds, height: minVisibleTitleBar.height };
  return workAreas.some((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= minVisibleTitleBar.width && seen.height > 0;
  });
}

function centred(size: Pick<Bounds, 'width' | 'height'>, area: Bounds): Bounds {
  const width = Math.min(size.width, Math.max(area.width, minWindowSize.width));
  const height = Math.min(size.height, Math.max(area.height, minWindowSize.height));
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * @param saved the remembered bounds, if any
 * @param workAreas the work areas of every connected display, the primary one first
 */
export function chooseWindowBounds(
  saved: SavedBounds | undefined,
  workAreas: readonly Bounds[],
): Bounds {
  const primary = workAreas[0] ?? fallbackWorkArea;
  if (saved === undefined) return centred(defaultWindowSize, primary);
  const size = {
    width: Math.max(saved.width, minWindowSize.width),
    height: Math.max(saved.height, minWindowSize.height),
  };
  if (saved.x !== undefined && saved.y !== undefined) {
    const placed = { x: saved.x, y: saved.y, ...size };
    if (isReachable(placed, workAreas)) return placed;
  }
  return centred(size, primary);
}
