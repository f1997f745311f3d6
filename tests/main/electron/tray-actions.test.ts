import { describe, expect, it, vi } from 'vitest';
import { createTrayActionHandler } from '../../../src-main/electron/tray-actions';

function setup() {
  const targets = {
    showWindow: vi.fn(),
    navigate: vi.fn(),
    refreshNow: vi.fn(async () => undefined),
    mute: vi.fn(),
    restartToUpdate: vi.fn(),
    quit: vi.fn(),
  };
  return { targets, handle: createTrayActionHandler(targets) };
}

describe('createTrayActionHandler', () => {
  it('opens the window, and Buy refill opens it on the Buy refill view', () => {
    const { targets, handle } = setup();
    handle('open');
    expect(targets.showWindow).toHaveBeenCalledTimes(1);
    handle('buy-refill');
    expect(targets.showWindow).toHaveBeenCalledTimes(2);
    expect(targets.navigate).toHaveBeenCalledWith({ view: 'buy-refill' });
  });

  it('maps every mute item to the core choice', () => {
    const { targets, handle } = setup();
    handle('mute-1h');
    handle('mute-tomorrow');
    handle('mute-off');
    handle('unmute');
    expect(targets.mute.mock.calls).toEqual([['1h'], ['tomorrow'], ['off'], ['unmute']]);
  });

  it('refreshes without letting a failure escape, and quits', async () => {
    const { targets, handle } = setup();
    targets.refreshNow.mockRejectedValueOnce(new Error('offline'));
    handle('refresh');
    await Promise.resolve();
    expect(targets.refreshNow).toHaveBeenCalled();
    handle('quit');
    expect(targets.quit).toHaveBeenCalled();
  });

  it('hands Restart to Update to the update policy, and nothing else', () => {
    const { targets, handle } = setup();
    handle('restart-to-update');
    expect(targets.restartToUpdate).toHaveBeenCalledTimes(1);
    expect(targets.quit).not.toHaveBeenCalled();
  });
});
