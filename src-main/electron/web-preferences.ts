// The main window's security settings, in one place so the window and the tests read the same
// values. Type-only Electron import: this module runs in plain Node under vitest.
import type { WebPreferences } from 'electron';

export interface WebPreferenceOptions {
  /** DevTools only in development (`!app.isPackaged`): off unless asked for. */
  devTools?: boolean;
}

export function secureWebPreferences(
  preloadPath: string,
  options: WebPreferenceOptions = {},
): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer gets only `window.greencloud`, built by the preload in its own world.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: options.devTools === true,
  };
}
