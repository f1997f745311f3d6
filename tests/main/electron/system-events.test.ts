import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { forwardSystemEvents } from '../../../src-main/electron/system-events';

describe('forwardSystemEvents', () => {
  it('pauses the core on suspend and wakes it on resume', () => {
    const power = new EventEmitter();
    const core = { systemSuspended: vi.fn(), systemResumed: vi.fn(), networkOnline: vi.fn() };
    const stop = forwardSystemEvents(
      power as unknown as Pick<PowerMonitor, 'on'>,
      () => true,
      core,
    );
    power.emit('suspend');
    power.emit('resume');
    expect(core.systemSuspended).toHaveBeenCalledTimes(1);
    expect(core.systemResumed).toHaveBeenCalledTimes(1);
    stop();
  });
});
