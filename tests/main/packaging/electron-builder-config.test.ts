// electron-builder.yml checked by electron-builder's own schema validation (the one `electron-builder`
// runs before it builds anything), then for the choices a release depends on: signing is mandatory,
// the fuses are set, the installers and the greencloud:// scheme are there on every OS.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

type Config = Record<string, unknown> & {
  mac: Record<string, unknown>;
  win: Record<string, unknown>;
  linux: Record<string, unknown>;
};
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;

function targets(platform: Record<string, unknown>): string[] {
  return (platform.target as Array<{ target: string }>).map((entry) => entry.target);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBe(
      undefined,
    );
  });

  it('the same validation refuses a misspelt option (so the check above is real)', async () => {
    await expect(
      validateConfiguration({ ...config, forceCodeSigninq: true } as never, new DebugLogger(false)),
    ).rejects.toThrow(/forceCodeSigninq/);
  });

  it('refuses unsigned macOS and Windows builds, notarizes, and keeps update signature checks', () => {
    expect(config.mac).toMatchObject({
      forceCodeSigning: true,
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    expect(config.win).toMatchObject({ forceCodeSigning: true, verifyUpdateCodeSignature: true });
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or inspector, asar integrity on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds dmg + zip, NSIS, AppImage + deb + rpm, and registers greencloud:// on each', () => {
    expect(targets(config.mac)).toEqual(['dmg', 'zip']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.protocols).toEqual([
      { name: 'GreenCloud Desktop link', schemes: ['greencloud'] },
    ]);
    expect(config.linux.mimeTypes).toEqual(['x-scheme-handler/greencloud']);
  });

  it('publishes to a generic feed whose address comes from the build environment', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.GREENCLOUD_UPDATE_URL}' }]);
  });
});

describe('electron-builder.unsigned.yml (npm run dist)', () => {
  it('is the release configuration with only signing and notarization turned off', async () => {
    const unsigned = (await getConfig(
      process.cwd(),
      'electron-builder.unsigned.yml',
      null,
    )) as Config;
    await validateConfiguration(unsigned as never, new DebugLogger(false));
    expect(unsigned.mac).toMatchObject({
      forceCodeSigning: false,
      notarize: false,
      identity: null,
    });
    expect(unsigned.win).toMatchObject({
      forceCodeSigning: false,
      verifyUpdateCodeSignature: true,
    });
    expect(unsigned.electronFuses).toEqual(config.electronFuses);
    expect(unsigned.protocols).toEqual(config.protocols);
    expect(unsigned.mac.hardenedRuntime).toBe(true);
  });
});

describe('build/entitlements.mac.plist', () => {
  // The comment explains what is left out and why; only the plist itself counts.
  const plist = readFileSync('build/entitlements.mac.plist', 'utf8').replace(
    /<!--[\s\S]*?-->/g,
    '',
  );
  const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);

  it('grants only the JIT Electron needs', () => {
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist).not.toContain('disable-library-validation');
    expect(plist).not.toContain('allow-unsigned-executable-memory');
  });
});
