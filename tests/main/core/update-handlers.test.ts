// About's two update calls (getUpdateStatus, restartToUpdate) over the real update policy, with
// electron-updater scripted and the clock controlled: the only stand-ins are at those boundaries.
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src-main/common/app-error';
import type { UpdateView } from '../../../src-main/common/bridge-contract';
import type { CoreContext } from '../../../src-main/core/handlers/core-context';
import { appHandlers, updatesNotCheckedLine } from '../../../src-main/core/handlers/app-handlers';
import { lateUpdateControl } from '../../../src-main/electron/updates';
import { UpdatePolicy } from '../../../src-main/update/update-policy';
import { ControlledClock } from '../../helpers/quota-clock';
import { ScriptedUpdater } from '../../helpers/scripted-updater';

function setUp() {
  const updater = new ScriptedUpdater();
  let moneyBusy = false;
  const policy = new UpdatePolicy({
    updater,
    clock: new ControlledClock(),
    channel: () => 'stable',
    isMoneyBusy: () => moneyBusy,
  });
  const control = lateUpdateControl();
  control.attach({ policy, publishOffer: () => control.changed() });
  policy.onChange(() => control.changed());
  const seen: UpdateView[] = [];
  control.onChange(() => seen.push(control.status()!));
  // These two handlers read only the updater from the context.
  const handlers = appHandlers({ updates: control } as unknown as CoreContext);
  return {
    updater,
    policy,
    control,
    handlers,
    seen,
    setMoneyBusy: (b: boolean) => (moneyBusy = b),
  };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: AppError) => ({ kind: error.kind, message: error.message }),
  );

describe('About’s update calls', () => {
  it('say nothing while idle, then follow the check to a ready update with its restart', async () => {
    const { updater, policy, handlers, seen } = setUp();
    expect(await handlers.getUpdateStatus(undefined)).toEqual({});
    updater.feed.stable = '1.3.0';
    await policy.checkNow();
    expect(seen.map((view) => view.line)).toEqual([
      'Checking for updates…',
      'Downloading version 1.3.0…',
      'Version 1.3.0 is ready. Choose Restart to Update to install it.',
    ]);
    expect(await handlers.getUpdateStatus(undefined)).toEqual({
      line: 'Version 1.3.0 is ready. Choose Restart to Update to install it.',
      restart: { version: '1.3.0', label: 'Restart to Update', enabled: true },
    });
    await handlers.restartToUpdate(undefined);
    expect(updater.installs).toBe(1);
  });

  it('disable the restart with the reason while money moves, and refuse it with that sentence', async () => {
    const { updater, policy, handlers, setMoneyBusy } = setUp();
    updater.feed.stable = '1.3.0';
    await policy.checkNow();
    setMoneyBusy(true);
    const view = await handlers.getUpdateStatus(undefined);
    expect(view.restart?.enabled).toBe(false);
    expect(view.restart?.detail).toMatch(/will not restart while a payment is in progress/);
    expect(await refusal(handlers.restartToUpdate(undefined))).toEqual({
      kind: 'not-allowed',
      message: view.restart?.detail,
    });
    expect(updater.installs).toBe(0);
    setMoneyBusy(false);
    await handlers.restartToUpdate(undefined);
    expect(updater.installs).toBe(1);
  });

  it('show the policy’s error sentence when a check fails', async () => {
    const { updater, policy, handlers } = setUp();
    updater.failNext.push(new Error('HttpError: 404 Not Found'));
    await policy.checkNow();
    const view = await handlers.getUpdateStatus(undefined);
    expect(view.line).toBeTruthy();
    expect(view.line).not.toMatch(/HttpError|404 Not Found$/);
    expect(view.restart).toBeUndefined();
  });

  it('without an updater: one line saying so, and a restart refused in words', async () => {
    const handlers = appHandlers({} as CoreContext);
    expect(await handlers.getUpdateStatus(undefined)).toEqual({ line: updatesNotCheckedLine });
    expect(await refusal(handlers.restartToUpdate(undefined))).toEqual({
      kind: 'not-allowed',
      message: updatesNotCheckedLine,
    });
  });
});
