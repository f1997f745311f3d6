// Electron smoke tests: the real app, launched with Playwright's _electron, checked for what only
// Electron can show — the window's security settings and CSP, the tray, and deep links at cold
// start and through a second instance. They need the Electron binary and a built app (`npm run
// build`); where either is missing (as on CI, which cannot download Electron) they are skipped
// with the reason printed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

const appDir = resolve('.');
const resetLink = (code: string) => `greencloud://reset-password?code=${code}`;

/** The Electron binary's path, or why these tests cannot run here. */
function findElectron(): { binary: string } | { skipReason: string } {
  let binary: unknown;
  try {
    // The electron package exports its binary's path, read from path.txt; it throws when the
    // binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD).
    binary = createRequire(import.meta.url)('electron');
  } catch (error) {
    const firstLine = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { skipReason: `the Electron binary is not installed (${firstLine})` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { skipReason: `the Electron binary is missing at ${String(binary)}` };
  }
  if (!existsSync(join(appDir, 'out', 'main', 'index.js'))) {
    return { skipReason: 'the app is not built (run `npm run build` first)' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skipReason: 'there is no display (run under xvfb-run on a headless Linux machine)' };
  }
  return { binary };
}

const found = findElectron();
const skipReason = 'skipReason' in found ? found.skipReason : undefined;
if (skipReason !== undefined) console.log(`Electron smoke tests skipped: ${skipReason}.`);

/** The page's globals these tests read. Cast inside page functions: the config has no DOM lib. */
interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<{ value: string }> };
  location: { href: string };
  open(url: string): unknown;
  greencloud?: object;
  require?: unknown;
  process?: unknown;
}

interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  env: NodeJS.ProcessEnv;
}

/** Launches the app on a throwaway profile, so tests never share a single-instance lock. */
async function launch(extraArgs: string[] = []): Promise<LaunchedApp> {
  const userData = mkdtempSync(join(tmpdir(), 'greencloud-smoke-'));
  const env = {
    ...process.env,
    GREENCLOUD_USER_DATA_DIR: userData,
    GREENCLOUD_SMOKE_TEST: '1',
  };
  const app = await electron.launch({ args: [appDir, ...extraArgs], env });
  app.on('close', () => rmSync(userData, { recursive: true, force: true }));
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, env };
}

/** True once some input on the page holds `value`: markup-agnostic, so views can change. */
function hasInputWithValue(page: Page, value: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('input')).some(
        (input) => input.value === wanted,
      ),
    value,
  );
}

test.describe('GreenCloud Desktop in Electron', () => {
  test.skip(skipReason !== undefined, `Electron smoke tests skipped: ${skipReason}`);

  test('opens its window from app:// with the security settings on', async () => {
    const { app, page } = await launch();
    try {
      const window = await app.evaluate(({ BrowserWindow }) => {
        const [main] = BrowserWindow.getAllWindows();
        if (main === undefined) return undefined;
        // Not in the typings, but Electron has it: the preferences the page really runs with.
        const contents = main.webContents as unknown as { getLastWebPreferences?: () => unknown };
        return {
          prefs: contents.getLastWebPreferences?.(),
          url: main.webContents.getURL(),
          minimumSize: main.getMinimumSize(),
        };
      });
      expect(window?.prefs, 'webContents.getLastWebPreferences() is gone').toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      expect(window?.url).toBe('app://greencloud/index.html');
      expect(window?.minimumSize).toEqual([800, 600]);

      // The page has the bridge and nothing of Node or Electron.
      const exposed = await page.evaluate(() => {
        const globals = globalThis as unknown as PageGlobals;
        return {
          require: typeof globals.require,
          process: typeof globals.process,
          bridge: Object.keys(globals.greencloud ?? {}).length,
        };
      });
      expect(exposed).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: expect.any(Number),
      });
      expect(exposed.bridge).toBeGreaterThan(10);

      const csp = await page.evaluate(async () =>
        (await fetch((globalThis as unknown as PageGlobals).location.href)).headers.get(
          'content-security-policy',
        ),
      );
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-eval');

      // window.open is denied, and a navigation away is blocked.
      await page.evaluate(() => {
        (globalThis as unknown as PageGlobals).open('https://example.com/');
      });
      await page.evaluate(() => {
        (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
        1,
      );
      expect(page.url()).toBe('app://greencloud/index.html');
    } finally {
      await app.close();
    }
  });

  test('shows a tray icon for the signed-out state', async () => {
    const { app } = await launch();
    try {
      await expect
        .poll(() =>
          app.evaluate(() =>
            (
              globalThis as { greencloudSmokeProbe?: { tray(): unknown } }
            ).greencloudSmokeProbe?.tray(),
          ),
        )
        .toMatchObject({ iconPath: expect.stringMatching(/tray-signed-out(Template)?\.png$/) });
    } finally {
      await app.close();
    }
  });

  test('a reset-password link at cold start opens Set Password with the code filled in', async () => {
    const code = 'SMOKE-cold-123';
    const { app, page } = await launch([resetLink(code)]);
    try {
      await expect.poll(() => hasInputWithValue(page, code)).toBe(true);
    } finally {
      await app.close();
    }
  });

  test('a reset-password link opened while running reaches the running instance', async () => {
    const code = 'SMOKE-second-456';
    const { app, page, env } = await launch();
    try {
      if (!('binary' in found)) throw new Error('unreachable: skipped above');
      // The OS starts a second instance with the link; it hands it over and quits.
      const second = spawn(found.binary, [appDir, resetLink(code)], { env, stdio: 'ignore' });
      await new Promise((done) => second.on('exit', done));
      await expect.poll(() => hasInputWithValue(page, code)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
