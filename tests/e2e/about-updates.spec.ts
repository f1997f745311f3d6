// About with an updater: the real update policy, its feed scripted at electron-updater's boundary.
// A downloaded update shows its line and Restart to Update; while a refill is being bought the
// button is disabled with the reason, and a click once it has finished installs. Without an
// updater (every other spec, Linux development) About says updates come with installed copies.

import { test, expect } from './harness/app-fixture';
import { lateUpdateControl, withUpdateHooks } from '../../src-main/electron/updates';
import { UpdatePolicy } from '../../src-main/update/update-policy';
import { signInThroughForm } from './harness/flows';
import { lookAt } from './harness/screens';
import { ControlledClock } from '../helpers/quota-clock';
import { ScriptedUpdater } from '../helpers/scripted-updater';

const readyLine = 'Version 1.3.0 is ready. Choose Restart to Update to install it.';

test.describe('with an update downloaded', () => {
  let updater: ScriptedUpdater;
  let checked: Promise<void>;
  let publishOffer: () => void;
  test.use({
    updateControl: {
      create: (core) => {
        updater = new ScriptedUpdater();
        updater.feed.stable = '1.3.0';
        const policy = new UpdatePolicy({
          updater,
          clock: new ControlledClock(),
          channel: () => 'stable',
          isMoneyBusy: () => core().isMoneyBusy(),
        });
        const control = lateUpdateControl();
        publishOffer = () => control.changed();
        control.attach({ policy, publishOffer });
        policy.onChange(publishOffer);
        checked = policy.checkNow();
        return control;
      },
    },
  });

  test('shows the ready update and restarts on click, never while a refill is bought', async ({
    app,
  }) => {
    test.setTimeout(60_000);
    const { page } = app;
    // As index.ts does: money settling (or a lost reply's check ending) re-offers the restart.
    app.core.onEvent((name) => {
      if (name === 'moneyChanged') publishOffer();
    });
    await signInThroughForm(app);
    await checked;
    app.core.navigate({ view: 'show', target: 'about' });
    const section = page.getByTestId('about-update');
    await expect(section.getByTestId('about-update-line')).toHaveText(readyLine);
    const restart = section.getByRole('button', { name: 'Restart to Update' });
    await expect(restart).toBeEnabled();
    await lookAt(page, 'about-update-ready', 'About GreenCloud Desktop', true, section);

    // A slow refill: money is moving while its reply is on the way.
    const accountId = await app.accountId();
    await app.core.handlers.setBillingPreferences({ accountId, currency: 'USD' });
    await app.control.fault({ mode: 'latency', ms: 3000, count: 1, path: '/v1/user/buy' });
    // Through the glue index.ts puts around the handlers: a money call ending re-offers the restart.
    const handlers = withUpdateHooks(app.core.handlers, {
      channelChanged: () => undefined,
      moneyCallChanged: publishOffer,
    });
    const buying = handlers.buyRefill({ accountId });
    expect(app.core.isMoneyBusy()).toBe(true);
    await page.reload();
    app.core.navigate({ view: 'show', target: 'about' });
    await expect(restart).toBeDisabled();
    await expect(section.getByTestId('about-restart-detail')).toHaveText(
      /will not restart while a payment is in progress/,
    );
    await expect(restart).toHaveAccessibleDescription(/payment is in progress/);
    await lookAt(page, 'about-update-money-busy', 'About GreenCloud Desktop', true, section);
    expect(updater.installs).toBe(0);

    await buying;
    expect(app.core.isMoneyBusy()).toBe(false);
    await expect(restart).toBeEnabled({ timeout: 10_000 });
    await restart.click();
    await expect.poll(() => updater.installs).toBe(1);
  });
});

test('without an updater, About says updates come with installed copies', async ({ app }) => {
  const { page } = app;
  await signInThroughForm(app);
  app.core.navigate({ view: 'show', target: 'about' });
  await expect(page.getByTestId('about-update-line')).toHaveText(
    'Updates are checked in installed copies only.',
  );
  await expect(page.getByRole('button', { name: 'Restart to Update' })).toHaveCount(0);
});
