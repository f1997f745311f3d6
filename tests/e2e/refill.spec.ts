// Buy refill: the user sees what will be added to which bundle, confirms, and however eagerly the
// button is clicked, GreenCloud is asked (and charged) once.

import { test, expect } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

test.describe('Buy refill', () => {
  test.beforeEach(async ({ app }) => {
    await signInThroughForm(app);
    await openView(app.page, 'Buy refill');
    await expect(app.page.getByRole('heading', { name: 'Buy refill', level: 1 })).toBeVisible();
  });

  test('says what a refill adds, asks first (Cancel buys nothing), and a double-click buys one', async ({
    app,
  }) => {
    const { page, control } = app;
    await expect(page.getByRole('main')).toContainText(
      'A refill adds 100,000 invocations to your DEVELOPER bundle, taking it from 100,000 to 200,000.',
    );
    await expect(page.getByRole('main')).toContainText('It costs 9.99');

    const dialog = page.getByRole('dialog', { name: 'Buy a refill?' });
    await page.getByRole('button', { name: 'Buy refill…' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Buy refill…' }).click();
    await expect(dialog).toContainText(
      'Add 100,000 invocations to the DEVELOPER bundle of demo@greencloud.test for 9.99?',
    );
    expect(await control.countRequests('POST', '/v1/user/buy')).toBe(0);
    await captureView(page, 'refill-confirm');

    // A slow answer keeps the first purchase in flight while the second click lands.
    await control.fault({ mode: 'latency', ms: 600, count: 1, path: '/v1/user/buy' });
    await dialog.getByRole('button', { name: 'Buy now' }).dblclick();

    await expect(page.getByTestId('refill-done')).toContainText(
      'Your DEVELOPER quota went from 100,000 to 200,000 invocations.',
    );
    await expect(dialog).toBeHidden();
    expect(await control.countRequests('POST', '/v1/user/buy')).toBe(1);
    await captureView(page, 'refill-done');
  });

  test('rapid clicks, even within one tick, still buy exactly one refill each time', async ({
    app,
  }) => {
    const { page, control } = app;
    const dialog = page.getByRole('dialog', { name: 'Buy a refill?' });
    const buyNow = dialog.getByRole('button', { name: 'Buy now' });

    // Four quick clicks of the mouse on the spot where "Buy now" is.
    await page.getByRole('button', { name: 'Buy refill…' }).click();
    await control.fault({ mode: 'latency', ms: 600, count: 1, path: '/v1/user/buy' });
    const box = (await buyNow.boundingBox())!;
    for (let i = 0; i < 4; i++) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    await expect(page.getByTestId('refill-done')).toContainText('from 100,000 to 200,000');
    expect(await control.countRequests('POST', '/v1/user/buy')).toBe(1);

    // Three clicks in the same tick, before the page can even disable the button.
    await page.getByRole('button', { name: 'Buy refill…' }).click();
    await buyNow.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
      button.click();
    });
    await expect(page.getByTestId('refill-done')).toContainText('from 200,000 to 300,000');
    expect(await control.countRequests('POST', '/v1/user/buy')).toBe(2);
    // Three bundles' worth is left now, and the gauge says so rather than capping at 100%.
    await expect(page.getByTestId('quota-gauge')).toContainText("300,000 left (3 bundles' worth)");
  });

  test('a declined card is explained and the quota stays as it was', async ({ app }) => {
    const { page, control } = app;
    await control.setAccount('demo@greencloud.test', { cardDeclined: true });
    await page.getByRole('button', { name: 'Buy refill…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Buy now' }).click();

    await expect(page.getByTestId('refill-error')).toHaveText(
      'Your card was declined and nothing was charged. Try another card.',
    );
    await expect(page.getByTestId('refill-done')).toBeHidden();
    await expect(page.getByTestId('quota-gauge')).toContainText('100,000 of 100,000');
    expect(await control.countRequests('POST', '/v1/user/buy')).toBe(1);
  });
});
