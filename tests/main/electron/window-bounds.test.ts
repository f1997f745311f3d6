import { describe, expect, it } from 'vitest';
import {
  chooseWindowBounds,
  defaultWindowSize,
  minWindowSize,
} from '../../../src-main/electron/window-bounds';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('chooseWindowBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(chooseWindowBounds(undefined, [primary, right])).toEqual({
      x: (1920 - defaultWindowSize.width) / 2,
      y: (1040 - defaultWindowSize.height) / 2,
      ...defaultWindowSize,
    });
  });

  it('keeps remembered bounds that are still on a display, even a secondary one', () => {
    const saved = { x: 2000, y: 100, width: 900, height: 700 };
    expect(chooseWindowBounds(saved, [primary, right])).toEqual(saved);
  });

  it('moves a window whose display was unplugged back onto the primary one, keeping its size', () => {
    const saved = { x: 2000, y: 100, width: 900, height: 700 };
    expect(chooseWindowBounds(saved, [primary])).toEqual({
      x: 510,
      y: 170,
      width: 900,
      height: 700,
    });
  });

  it('moves a window whose title bar is off screen', () => {
    const bounds = chooseWindowBounds({ x: 100, y: -500, width: 900, height: 700 }, [primary]);
    expect(bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('never goes below the minimum size', () => {
    const bounds = chooseWindowBounds({ x: 10, y: 10, width: 300, height: 200 }, [primary]);
    expect(bounds).toEqual({ x: 10, y: 10, ...minWindowSize });
  });

  it('centres saved sizes without a position', () => {
    expect(chooseWindowBounds({ width: 1000, height: 800 }, [primary])).toEqual({
      x: 460,
      y: 120,
      width: 1000,
      height: 800,
    });
  });

  it('fits a small screen and works with no display information', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(chooseWindowBounds(undefined, [small])).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 700,
    });
    expect(chooseWindowBounds(undefined, []).width).toBe(defaultWindowSize.width);
  });
});
