import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { releaseEnvProblems } from '../../scripts/check-release-env';

const feed = { GREENCLOUD_UPDATE_URL: 'https://updates.greencloud.dev/desktop' };
const macSigning = { CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'secret' };
const notaryKey = {
  APPLE_API_KEY: '/keys/AuthKey.p8',
  APPLE_API_KEY_ID: 'ABC123',
  APPLE_API_ISSUER: 'issuer-uuid',
};

describe('releaseEnvProblems', () => {
  it('macOS needs a signing identity and notarization credentials', () => {
    expect(releaseEnvProblems('darwin', feed)).toEqual([
      expect.stringMatching(/^Set CSC_LINK and CSC_KEY_PASSWORD/),
      expect.stringMatching(/^Set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER/),
    ]);
    expect(releaseEnvProblems('darwin', { ...feed, ...macSigning, ...notaryKey })).toEqual([]);
    expect(
      releaseEnvProblems('darwin', {
        ...feed,
        CSC_NAME: 'Developer ID Application: GreenCloud (TEAM1234)',
        APPLE_ID: 'release@greencloud.dev',
        APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh',
        APPLE_TEAM_ID: 'TEAM1234',
      }),
    ).toEqual([]);
    // Half a credential set is no set.
    expect(
      releaseEnvProblems('darwin', { ...feed, ...macSigning, APPLE_API_KEY: '/k.p8' }),
    ).toHaveLength(1);
  });

  it('Windows needs the Authenticode certificate', () => {
    expect(releaseEnvProblems('win32', feed)).toEqual([
      'Set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD (the Authenticode code-signing certificate as a .pfx).',
    ]);
    expect(
      releaseEnvProblems('win32', { ...feed, WIN_CSC_LINK: 'x.pfx', WIN_CSC_KEY_PASSWORD: 'p' }),
    ).toEqual([]);
    expect(releaseEnvProblems('win32', { ...feed, WIN_CSC_LINK: 'x.pfx' })).toHaveLength(1);
  });

  it('every OS needs an https update feed; Linux needs nothing else', () => {
    expect(releaseEnvProblems('linux', feed)).toEqual([]);
    expect(releaseEnvProblems('linux', {})).toEqual([
      'Set GREENCLOUD_UPDATE_URL to the HTTPS address of the update feed.',
    ]);
    expect(
      releaseEnvProblems('linux', { GREENCLOUD_UPDATE_URL: 'http://updates.example' }),
    ).toEqual([
      'GREENCLOUD_UPDATE_URL must be an https:// address (it is "http://updates.example").',
    ]);
  });

  it('as a command, fails with the list and passes when complete', async () => {
    const run = (env: NodeJS.ProcessEnv) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/check-release-env.ts'], {
        // Only what Node needs to start (Windows wants SystemRoot), so no signing variable of this
        // machine leaks in.
        env: Object.fromEntries(
          Object.entries({
            PATH: process.env.PATH,
            SystemRoot: process.env.SystemRoot,
            ...env,
          }).filter(([, value]) => value !== undefined),
        ),
      });
    await expect(run({})).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('GREENCLOUD_UPDATE_URL'),
    });
    const everyOs = {
      ...feed,
      ...macSigning,
      ...notaryKey,
      WIN_CSC_LINK: 'x',
      WIN_CSC_KEY_PASSWORD: 'p',
    };
    await expect(run(everyOs)).resolves.toMatchObject({
      stdout: `Release environment for ${process.platform} is complete.\n`,
    });
  });
});
