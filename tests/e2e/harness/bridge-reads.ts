// What main itself answers, asked through the page's own bridge: a spec compares it with what the
// screen shows. The page always has the bridge here (page-bridge.ts defines it before the renderer
// runs); if it ever does not, the read fails with a sentence rather than a TypeError.

import type { Page } from '@playwright/test';

/** Main's session state, as `window.greencloud.getSessionState()` answers it. */
export function sessionStateInPage(page: Page) {
  return page.evaluate(() => {
    const bridge = window.greencloud;
    if (!bridge) throw new Error('The page has no window.greencloud bridge.');
    return bridge.getSessionState();
  });
}

/** Main's saved settings, as `window.greencloud.getSettings()` answers them. */
export function settingsInPage(page: Page) {
  return page.evaluate(() => {
    const bridge = window.greencloud;
    if (!bridge) throw new Error('The page has no window.greencloud bridge.');
    return bridge.getSettings();
  });
}
