// Tells the core when the network comes back, so the quota poller retries at once instead of
// waiting out its backoff. The main process has no `online` event (that lives in the renderer,
// which may be hidden or not loaded), so it polls Electron's `net.isOnline()`: a cheap local
// check of the OS's connectivity state, no network traffic.

export interface OnlineWatcherDeps {
  isOnline(): boolean;
  onBackOnline(): void;
  intervalMs?: number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export const onlinePollIntervalMs = 10_000;

/** Starts watching; returns the function that stops it. */
export function watchOnline(deps: OnlineWatcherDeps): () => void {
  const schedule = deps.setInterval ?? ((callback, ms) => setInterval(callback, ms).unref());
  const cancel =
    deps.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
  let wasOnline = deps.isOnline();
  const handle = schedule(() => {
    const online = deps.isOnline();
    if (online && !wasOnline) deps.onBackOnline();
    wasOnline = online;
  }, deps.intervalMs ?? onlinePollIntervalMs);
  return () => cancel(handle);
}
