// Run before a release build (`npm run release`): refuses to start when the environment cannot
// produce signed, notarized installers with a working update feed. electron-builder's
// forceCodeSigning catches a missing certificate too, but only after a long build, and it skips
// notarization silently when Apple's credentials are missing; this says what to set, up front.

import { pathToFileURL } from 'node:url';

type Env = Readonly<Record<string, string | undefined>>;

const set = (env: Env, name: string) => (env[name] ?? '').trim() !== '';
const allSet = (env: Env, names: readonly string[]) => names.every((name) => set(env, name));

/** electron-builder's three ways to give notarytool credentials, best first. */
export const notarizationSets = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
] as const;

/** Each problem is a sentence naming the variables to set; empty when the build may start. */
export function releaseEnvProblems(platform: NodeJS.Platform, env: Env): string[] {
  const problems: string[] = [];
  const feed = env.GREENCLOUD_UPDATE_URL?.trim() ?? '';
  if (feed === '') {
    problems.push('Set GREENCLOUD_UPDATE_URL to the HTTPS address of the update feed.');
  } else if (!/^https:\/\/[^/\s]+/.test(feed)) {
    problems.push(`GREENCLOUD_UPDATE_URL must be an https:// address (it is "${feed}").`);
  }
  if (platform === 'darwin') {
    if (!set(env, 'CSC_NAME') && !allSet(env, ['CSC_LINK', 'CSC_KEY_PASSWORD'])) {
      problems.push(
        'Set CSC_LINK and CSC_KEY_PASSWORD (the Developer ID Application certificate as a .p12), or CSC_NAME for an identity already in the keychain.',
      );
    }
    if (!notarizationSets.some((names) => allSet(env, names))) {
      problems.push(
        'Set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (an App Store Connect API key) so the app is notarized.',
      );
    }
  }
  if (platform === 'win32') {
    const winCert = allSet(env, ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']);
    const cert = allSet(env, ['CSC_LINK', 'CSC_KEY_PASSWORD']);
    if (!winCert && !cert) {
      problems.push(
        'Set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD (the Authenticode code-signing certificate as a .pfx).',
      );
    }
  }
  if (
    env.CSC_IDENTITY_AUTO_DISCOVERY === 'false' &&
    platform === 'darwin' &&
    !set(env, 'CSC_LINK')
  ) {
    problems.push('CSC_IDENTITY_AUTO_DISCOVERY=false turns signing off: unset it for a release.');
  }
  return problems;
}

// `node --import tsx scripts/check-release-env.ts`: prints the problems and fails, or says it is ready.
// pathToFileURL, not a "file://" prefix: Windows paths have drive letters and backslashes.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = releaseEnvProblems(process.platform, process.env);
  if (problems.length > 0) {
    console.error(`Not building a release for ${process.platform}:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log(`Release environment for ${process.platform} is complete.`);
}
