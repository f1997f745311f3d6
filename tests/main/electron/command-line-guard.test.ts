import { describe, expect, it } from 'vitest';
import { debugSwitchRefusal, findDebugSwitch } from '../../../src-main/electron/command-line-guard';

const exe = '/opt/GreenCloud Desktop/greencloud-desktop';

describe('findDebugSwitch', () => {
  it('finds remote debugging and every --inspect form, with or without a value', () => {
    for (const arg of [
      '--remote-debugging-port=9222',
      '--remote-debugging-port',
      '--remote-debugging-pipe',
      '-remote-debugging-port=0',
      '--inspect',
      '--inspect=127.0.0.1:9229',
      '--inspect-brk',
      '--inspect-brk=9230',
      '--inspect-port=9229',
      '--inspect-publish-uid=http',
      '--INSPECT',
    ]) {
      expect(findDebugSwitch([exe, arg], 'linux'), arg).toBe(arg);
    }
  });

  it('lets ordinary arguments, deep links and look-alikes through', () => {
    expect(
      findDebugSwitch(
        [
          exe,
          '--hidden',
          'greencloud://reset-password?code=--inspect',
          '--inspector',
          '--remote-debugging-portal',
          '/inspect',
        ],
        'linux',
      ),
    ).toBeUndefined();
    // argv[0] is the program, whatever it is called.
    expect(findDebugSwitch(['--inspect'], 'linux')).toBeUndefined();
  });

  it('reads Windows-style /switches on Windows only', () => {
    expect(findDebugSwitch([exe, '/remote-debugging-port=9222'], 'win32')).toBe(
      '/remote-debugging-port=9222',
    );
    expect(findDebugSwitch([exe, '/remote-debugging-port=9222'], 'darwin')).toBeUndefined();
  });

  it('finds a switch that follows other arguments', () => {
    expect(findDebugSwitch([exe, '.', '--no-sandbox', '--inspect=0'], 'darwin')).toBe(
      '--inspect=0',
    );
  });
});

describe('debugSwitchRefusal', () => {
  it('names a switch Chromium parsed as it would be written', () => {
    expect(debugSwitchRefusal('remote-debugging-pipe')).toMatch(
      /^GreenCloud Desktop does not start with --remote-debugging-pipe:/,
    );
  });

  it('names the switch without its value', () => {
    expect(debugSwitchRefusal('--remote-debugging-port=9222')).toBe(
      'GreenCloud Desktop does not start with --remote-debugging-port: debugging switches are turned off in released builds, to keep your account and session private.',
    );
  });
});
