// The update policy against a hand-moved clock and a stand-in for electron-updater (the updater's
// network is the third-party boundary; what it reads is tested in feed-files.test.ts).
import { describe, expect, it } from 'vitest';
import type { UpdateChannel } from '../../../src-main/common/bridge-contract';
import {
  defaultCheckIntervalMs,
  UpdatePolicy,
  updateStatusLine,
  type UpdateStatus,
} from '../../../src-main/update/update-policy';
import { ControlledClock } from '../../helpers/quota-clock';
import { ScriptedUpdater } from '../../helpers/scripted-updater';

const hour = 60 * 60 * 1000;

function setUp(options: { channel?: UpdateChannel } = {}) {
  const clock = new ControlledClock();
  const updater = new ScriptedUpdater();
  let channel: UpdateChannel = options.channel ?? 'stable';
  let moneyBusy = false;
  const policy = new UpdatePolicy({
    updater,
    clock,
    channel: () => channel,
    isMoneyBusy: () => moneyBusy,
  });
  const seen: UpdateStatus['kind'][] = [];
  policy.onChange((status) => seen.push(status.kind));
  /** Lets the check the policy started finish (the stand-in answers at once). */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    clock,
    updater,
    policy,
    seen,
    settle,
    setChannel: (next: UpdateChannel) => (channel = next),
    setMoneyBusy: (busy: boolean) => (moneyBusy = busy),
  };
}

const offline = Object.assign(new Error('getaddrinfo ENOTFOUND updates.greencloud.dev'), {
  code: 'ENOTFOUND',
});
const chromiumOffline = new Error('net::ERR_INTERNET_DISCONNECTED');

describe('UpdatePolicy', () => {
  it('checks at start and then every four hours, never more often', async () => {
    const { clock, updater, policy, settle } = setUp();
    policy.start();
    await settle();
    expect(updater.checks).toEqual(['stable']);
    expect(policy.status()).toEqual({ kind: 'up-to-date', checkedAt: clock.now() });
    expect(defaultCheckIntervalMs).toBe(4 * hour);

    await clock.advance(4 * hour - 1, settle);
    expect(updater.checks).toHaveLength(1);
    await clock.advance(1, settle);
    expect(updater.checks).toHaveLength(2);
    await clock.advance(8 * hour, settle);
    expect(updater.checks).toHaveLength(4);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('downloads a newer version in the background and then offers a restart, without restarting', async () => {
    const { clock, updater, policy, seen, settle } = setUp();
    updater.feed.stable = '1.3.0';
    policy.start();
    await settle();
    expect(seen).toEqual(['checking', 'downloading', 'ready']);
    expect(updater.downloads).toBe(1);
    expect(policy.offer()).toEqual({ version: '1.3.0', label: 'Restart to Update', enabled: true });
    expect(updateStatusLine(policy.status())).toBe(
      'Version 1.3.0 is ready. Choose Restart to Update to install it.',
    );

    // Days pass: it never installs by itself, and stops checking (nothing more to fetch).
    await clock.advance(72 * hour, settle);
    expect(updater.installs).toBe(0);
    expect(updater.checks).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);

    expect(policy.restartToUpdate()).toEqual({ restarted: true });
    expect(updater.installs).toBe(1);
  });

  it('refuses to restart, or to install at quit, while money is in flight', async () => {
    const { updater, policy, settle, setMoneyBusy } = setUp();
    updater.feed.stable = '1.3.0';
    policy.start();
    await settle();

    setMoneyBusy(true);
    expect(policy.offer()).toMatchObject({
      enabled: false,
      detail: expect.stringMatching(/payment/),
    });
    expect(policy.restartToUpdate()).toEqual({
      restarted: false,
      reason:
        'GreenCloud Desktop will not restart while a payment is in progress or being confirmed. Try again once it has finished.',
    });
    expect(policy.installOnQuit()).toBe(false);
    expect(updater.installs).toBe(0);

    setMoneyBusy(false);
    expect(policy.offer()?.enabled).toBe(true);
    expect(policy.installOnQuit()).toBe(true);
  });

  it('has nothing to offer, restart or install before an update is downloaded', async () => {
    const { updater, policy, settle } = setUp();
    policy.start();
    await settle();
    expect(policy.offer()).toBeUndefined();
    expect(policy.installOnQuit()).toBe(false);
    expect(policy.restartToUpdate()).toEqual({
      restarted: false,
      reason: 'No update has been downloaded yet.',
    });
    expect(updater.installs).toBe(0);
  });

  it('waits quietly while offline and checks again as soon as the network is back', async () => {
    const { clock, updater, policy, settle } = setUp();
    updater.failNext = [offline];
    policy.start();
    await settle();
    expect(policy.status()).toEqual({ kind: 'offline' });
    expect(updateStatusLine(policy.status())).toBeUndefined();

    updater.failNext = [chromiumOffline];
    await clock.advance(4 * hour, settle);
    expect(policy.status()).toEqual({ kind: 'offline' });
    expect(updater.checks).toHaveLength(2);

    updater.feed.stable = '1.3.0';
    policy.networkOnline();
    await settle();
    expect(updater.checks).toHaveLength(3);
    expect(policy.status()).toEqual({ kind: 'ready', version: '1.3.0' });
  });

  it('a network that comes back while the policy is not offline does not cause an extra check', async () => {
    const { updater, policy, settle } = setUp();
    policy.start();
    await settle();
    policy.networkOnline();
    await settle();
    expect(updater.checks).toHaveLength(1);
  });

  it('says what went wrong in words, keeps going, and retries at the next check', async () => {
    const { clock, updater, policy, settle } = setUp();
    updater.failNext = [Object.assign(new Error('HttpError: 503'), { statusCode: 503 })];
    policy.start();
    await settle();
    expect(policy.status()).toEqual({
      kind: 'failed',
      message:
        'The update server is having trouble (HTTP 503). GreenCloud Desktop keeps working and will try again later.',
    });

    updater.feed.stable = '1.3.0';
    updater.downloadFailure = Object.assign(
      new Error('New version 1.3.0 is not signed by the application owner: publisherNames: X'),
      { code: 'ERR_UPDATER_INVALID_SIGNATURE' },
    );
    await clock.advance(4 * hour, settle);
    expect(policy.status()).toEqual({
      kind: 'failed',
      message:
        'An update was found but it is not signed by GreenCloud, so it was not installed. Download GreenCloud Desktop from greencloud.dev if this keeps happening.',
    });
    expect(policy.offer()).toBeUndefined();

    await clock.advance(4 * hour, settle);
    expect(policy.status()).toEqual({ kind: 'ready', version: '1.3.0' });
    expect(updater.downloads).toBe(2);
  });

  it('reads the channel at each check, and looks at once when it changes', async () => {
    const { updater, policy, settle, setChannel } = setUp();
    updater.feed = { stable: undefined, beta: '1.4.0-beta.2' };
    policy.start();
    await settle();
    expect(policy.status().kind).toBe('up-to-date');

    setChannel('beta');
    policy.channelChanged();
    await settle();
    expect(updater.checks).toEqual(['stable', 'beta']);
    expect(policy.status()).toEqual({ kind: 'ready', version: '1.4.0-beta.2' });
  });

  it('runs one check at a time, and stops for good when stopped', async () => {
    const { clock, updater, policy, settle } = setUp();
    policy.start();
    void policy.checkNow();
    void policy.checkNow();
    await settle();
    expect(updater.checks).toHaveLength(1);
    policy.stop();
    await clock.advance(24 * hour, settle);
    expect(updater.checks).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('keeps going when a listener throws', async () => {
    const { updater, policy, settle } = setUp();
    policy.onChange(() => {
      throw new Error('the tray is gone');
    });
    updater.feed.stable = '1.3.0';
    policy.start();
    await settle();
    expect(policy.status().kind).toBe('ready');
  });
});
