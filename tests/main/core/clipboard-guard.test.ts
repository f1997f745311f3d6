import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardGuard } from '../../../src-main/core/clipboard-guard';

// The OS clipboard is a true boundary: a plain object stands in for it.
function fakeClipboard() {
  const clipboard = {
    text: 'before',
    writeText: (t: string) => void (clipboard.text = t),
    readText: () => clipboard.text,
    clear: () => void (clipboard.text = ''),
  };
  return clipboard;
}

describe('ClipboardGuard', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('clears the secret after 60 seconds and says when', async () => {
    const clipboard = fakeClipboard();
    const guard = new ClipboardGuard(clipboard, Date.now);
    expect(await guard.copySecret('key-123')).toBe(1_060_000);
    expect(clipboard.text).toBe('key-123');
    await vi.advanceTimersByTimeAsync(59_999);
    expect(clipboard.text).toBe('key-123');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves whatever the user copied since', async () => {
    const clipboard = fakeClipboard();
    await new ClipboardGuard(clipboard, Date.now).copySecret('key-123');
    clipboard.writeText('my own text');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard.text).toBe('my own text');
  });

  it('clears at once on flush, e.g. at sign-out', async () => {
    const clipboard = fakeClipboard();
    const guard = new ClipboardGuard(clipboard, Date.now);
    await guard.copySecret('key-123');
    await guard.flush('key-123');
    expect(clipboard.text).toBe('');
  });
});
