import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src-main/electron/web-preferences';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and web security on', () => {
    expect(secureWebPreferences('/app/out/preload/preload.cjs')).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('allows DevTools only when asked (development builds)', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', { devTools: false }).devTools).toBe(false);
  });
});
