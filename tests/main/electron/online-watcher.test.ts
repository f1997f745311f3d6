import { describe, expect, it, vi } from 'vitest';
import { watchOnline } from '../../../src-main/electron/online-watcher';

describe('watchOnline', () => {
  it('reports only the offline → online transition', () => {
    let online = true;
    let tick: () => void = () => undefined;
    const onBackOnline = vi.fn();
    const stop = watchOnline({
      isOnline: () => online,
      onBackOnline,
      setInterval: (callback) => {
        tick = callback;
        return 'handle';
      },
      clearInterval: vi.fn(),
    });
    tick();
    expect(onBackOnline).not.toHaveBeenCalled();
    online = false;
    tick();
    tick();
    online = true;
    tick();
    tick();
    expect(onBackOnline).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stops polling when stopped', () => {
    const clearInterval = vi.fn();
    const stop = watchOnline({
      isOnline: () => true,
      onBackOnline: vi.fn(),
      setInterval: () => 'handle',
      clearInterval,
    });
    stop();
    expect(clearInterval).toHaveBeenCalledWith('handle');
  });

  it('polls on real timers by default', () => {
    vi.useFakeTimers();
    try {
      let online = false;
      const onBackOnline = vi.fn();
      const stop = watchOnline({ isOnline: () => online, onBackOnline, intervalMs: 1_000 });
      online = true;
      vi.advanceTimersByTime(1_000);
      expect(onBackOnline).toHaveBeenCalledTimes(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
