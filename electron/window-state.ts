/**
 * Where the main window opens. The saved bounds come back from disk and may be stale: the
 * monitor they were on may be unplugged, the resolution lowered, or the file edited by
 * hand. Everything is checked against the displays present now so the window always opens
 * fully reachable, never off-screen or larger than the screen.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** Below this the screens (tables with side panels) stop being usable. */
export const MIN_WINDOW_SIZE: Size = { width: 1024, height: 700 };
export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 820 };

/** How much of the title bar must be on a display for the saved position to be kept. */
const MIN_VISIBLE_TITLE_WIDTH = 120;
const TITLE_BAR_HEIGHT = 32;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Reads what was stored; null when it is missing or not a window state at all. */
export function parseSavedWindowState(value: unknown): SavedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isFiniteNumber(v.width) || !isFiniteNumber(v.height) || v.width <= 0 || v.height <= 0) return null;
  const state: SavedWindowState = { width: Math.round(v.width), height: Math.round(v.height), maximized: v.maximized === true };
  if (isFiniteNumber(v.x) && isFiniteNumber(v.y)) {
    state.x = Math.round(v.x);
    state.y = Math.round(v.y);
  }
  return state;
}

/** The minimum size for a display: our minimum, unless the display itself is smaller. */
export function minimumSizeFor(workArea: Rect): Size {
  return {
    width: Math.min(MIN_WINDOW_SIZE.width, workArea.width),
    height: Math.min(MIN_WINDOW_SIZE.height, workArea.height),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** Is enough of the title bar of a window at (x, y, width) on this work area to grab it? */
function titleBarVisibleOn(x: number, y: number, width: number, area: Rect): boolean {
  const overlap = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
  return overlap >= Math.min(MIN_VISIBLE_TITLE_WIDTH, width) && y >= area.y && y + TITLE_BAR_HEIGHT <= area.y + area.height;
}

export interface RestoredWindowState {
  /** x and y are absent when the window should be centred by the OS. */
  bounds: { x?: number; y?: number; width: number; height: number };
  minimumSize: Size;
  maximized: boolean;
}

/**
 * The bounds to open the window with, given what was saved and the displays' work areas
 * now (the primary display first is not required: `primary` is passed separately).
 */
export function restoreWindowState(
  saved: SavedWindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): RestoredWindowState {
  const wanted = saved ?? { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const position = saved?.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : null;
  const home = position ? workAreas.find((area) => titleBarVisibleOn(position.x, position.y, wanted.width, area)) : undefined;
  const area = home ?? primary;
  const minimumSize = minimumSizeFor(area);

  const width = clamp(wanted.width, minimumSize.width, area.width);
  const height = clamp(wanted.height, minimumSize.height, area.height);
  const bounds: RestoredWindowState['bounds'] = { width, height };
  if (home && position) {
    // Keep the saved place, but pull the window in so that it fits on its display.
    bounds.x = clamp(position.x, area.x, area.x + area.width - width);
    bounds.y = clamp(position.y, area.y, area.y + area.height - height);
  }
  return { bounds, minimumSize, maximized: wanted.maximized };
}

/** What to save: the normal (un-maximized) bounds, so un-maximizing later restores them. */
export function windowStateToSave(normalBounds: Rect, maximized: boolean): SavedWindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}
