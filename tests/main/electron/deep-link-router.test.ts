import { describe, expect, it, vi } from 'vitest';
import { parseDeepLink } from '../../../src-main/core/deep-link';
import { createDeepLinkRouter } from '../../../src-main/electron/deep-link-router';

function target() {
  return { parse: parseDeepLink, showWindow: vi.fn(), navigate: vi.fn() };
}

describe('createDeepLinkRouter', () => {
  it('holds links that arrive before the app is ready, then routes them', () => {
    const router = createDeepLinkRouter();
    router.handle('greencloud://reset-password?code=abc123');
    const to = target();
    router.attach(to);
    expect(to.showWindow).toHaveBeenCalled();
    expect(to.navigate).toHaveBeenCalledWith({ view: 'set-password', code: 'abc123' });
  });

  it('routes at once when ready, and only brings the window forward for an unknown link', () => {
    const router = createDeepLinkRouter();
    const to = target();
    router.attach(to);
    router.handle('greencloud://something-else');
    expect(to.showWindow).toHaveBeenCalledTimes(1);
    expect(to.navigate).not.toHaveBeenCalled();
  });
});
