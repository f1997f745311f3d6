// The layering rule in eslint.config.js, run through ESLint itself on small sources placed at
// real paths: an upward import inside src-main is an error, a downward one is not.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('the src-main layering rule', () => {
  it.each([
    ['src-main/session/x.ts', "import { AccountDirectory } from '../core/account-directory';"],
    ['src-main/quota/x.ts', "import { SignedInAccount } from '../core/signed-in-account';"],
    ['src-main/settings/x.ts', "import { greencloudApiBaseUrl } from '../session/y';"],
    ['src-main/api/x.ts', "import { QuotaWatcher } from '../quota/quota-watcher';"],
    ['src-main/core/handlers/x.ts', "import { createTrayController } from '../../electron/tray';"],
    ['src-main/electron/x.ts', "import { start } from '../index';"],
    ['src-main/core/x.ts', "import { startSandbox } from '../../sandbox/server';"],
    ['src-main/common/x.ts', "import { SettingsStore } from '../settings/settings-store';"],
  ])('refuses an upward import in %s', async (filePath, source) => {
    const found = await problems(filePath, `${source}\nvoid 0;\n`);
    expect(
      found.some((text) => /below|top of the main process|sandbox|common may/.test(text)),
    ).toBe(true);
  });

  it.each([
    ['src-main/core/x.ts', "import { SessionManager } from '../session/session-manager';"],
    ['src-main/core/handlers/x.ts', "import { AppError } from '../../common/app-error';"],
    ['src-main/session/x.ts', "import { endpointFromSettings } from '../settings/endpoints';"],
    ['src-main/electron/x.ts', "import type { AppCore } from '../core/app-core';"],
    ['src-main/index.ts', "import { startSandbox } from '../sandbox/server';"],
  ])('allows a downward import in %s', async (filePath, source) => {
    expect(await problems(filePath, `${source}\nvoid 0;\n`)).toEqual([]);
  });
});
