import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  minimumSizeFor,
  parseSavedWindowState,
  restoreWindowState,
  windowStateToSave,
  type Rect,
} from './window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseSavedWindowState', () => {
  it('reads a saved state', () => {
    expect(parseSavedWindowState({ x: 10.4, y: 20, width: 1300, height: 800.6, maximized: true })).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 801,
      maximized: true,
    });
  });

  it('drops a half position and treats anything but true as not maximized', () => {
    expect(parseSavedWindowState({ x: 10, width: 1300, height: 800, maximized: 'yes' })).toEqual({
      width: 1300,
      height: 800,
      maximized: false,
    });
  });

  it.each([
    null,
    undefined,
    'x',
    42,
    {},
    { width: 'wide', height: 800 },
    { width: -5, height: 800 },
    { width: NaN, height: 800 },
    { width: Infinity, height: 1 },
  ])('rejects %j', (value) => expect(parseSavedWindowState(value)).toBeNull());
});

describe('restoreWindowState', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreWindowState(null, [laptop], laptop)).toEqual({
      bounds: DEFAULT_WINDOW_SIZE,
      minimumSize: MIN_WINDOW_SIZE,
      maximized: false,
    });
  });

  it('restores a window that is on screen as it was', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 100, y: 50, width: 1400, height: 900 });
  });

  it('keeps a window on a second monitor that is still there', () => {
    const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: true };
    const restored = restoreWindowState(saved, [laptop, rightMonitor], laptop);
    expect(restored.bounds).toEqual({ x: 2200, y: 100, width: 1600, height: 1000 });
    expect(restored.maximized).toBe(true);
  });

  it('centres on the primary display when the saved monitor is gone', () => {
    const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ width: 1600, height: 1000 });
  });

  it('does not keep a window whose title bar is off the top or barely visible', () => {
    expect(
      restoreWindowState({ x: 100, y: -200, width: 1200, height: 800, maximized: false }, [laptop], laptop).bounds.x,
    ).toBeUndefined();
    expect(
      restoreWindowState({ x: 1900, y: 10, width: 1200, height: 800, maximized: false }, [laptop], laptop).bounds.x,
    ).toBeUndefined();
  });

  it('pulls a partly off-screen window in so it fits', () => {
    const saved = { x: 1500, y: 600, width: 1200, height: 800, maximized: false };
    expect(restoreWindowState(saved, [laptop], laptop).bounds).toEqual({ x: 720, y: 240, width: 1200, height: 800 });
  });

  it('never opens below the minimum size', () => {
    const saved = { x: 0, y: 0, width: 300, height: 200, maximized: false };
    const restored = restoreWindowState(saved, [laptop], laptop);
    expect(restored.bounds.width).toBe(MIN_WINDOW_SIZE.width);
    expect(restored.bounds.height).toBe(MIN_WINDOW_SIZE.height);
  });

  it('never opens larger than the display, even below our minimum on a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1000, height: 600 };
    const restored = restoreWindowState({ x: 0, y: 0, width: 1920, height: 1080, maximized: false }, [small], small);
    expect(restored.bounds).toEqual({ x: 0, y: 0, width: 1000, height: 600 });
    expect(restored.minimumSize).toEqual({ width: 1000, height: 600 });
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1680, y: -200, width: 1680, height: 1050 };
    const restored = restoreWindowState(
      { x: -1500, y: -150, width: 1200, height: 800, maximized: false },
      [laptop, left],
      laptop,
    );
    expect(restored.bounds).toEqual({ x: -1500, y: -150, width: 1200, height: 800 });
  });
});

describe('minimumSizeFor and windowStateToSave', () => {
  it('uses our minimum on a normal display', () => {
    expect(minimumSizeFor(laptop)).toEqual(MIN_WINDOW_SIZE);
  });

  it('saves the normal bounds rounded, with the maximized flag', () => {
    expect(windowStateToSave({ x: 10.2, y: 20.7, width: 1300.5, height: 800 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1301,
      height: 800,
      maximized: true,
    });
  });
});
