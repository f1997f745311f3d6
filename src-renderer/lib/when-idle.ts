// Work that must never run ahead of what the user is waiting for (the quota, a click) waits for
// the window's next idle period.

/** Resolves when `win` is next idle. */
export function whenIdle(win: Window = window): Promise<void> {
  return new Promise((resolve) => win.requestIdleCallback(() => resolve()));
}
