// Passes the OS's sleep, wake and connectivity changes to the core: the poller pauses while the
// machine sleeps and retries at once on wake or when the network returns.
import type { PowerMonitor } from 'electron';
import type { AppCore } from '../core/app-core';
import { watchOnline } from './online-watcher';

export function forwardSystemEvents(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  isOnline: () => boolean,
  core: Pick<AppCore, 'systemSuspended' | 'systemResumed' | 'networkOnline'>,
): () => void {
  powerMonitor.on('suspend', () => core.systemSuspended());
  powerMonitor.on('resume', () => core.systemResumed());
  return watchOnline({ isOnline, onBackOnline: () => core.networkOnline() });
}
