// Bundles: comparing the three plans, setting a bundle with payment details and a billing address,
// and switching plans with a confirmation.

import type { Page } from '@playwright/test';
import { test, expect } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';
import { captureView } from './harness/screens';

test.describe('Bundles', () => {
  test.beforeEach(async ({ app }) => {
    await signInThroughForm(app);
    await openView(app.page, 'Bundles');
    await expect(app.page.getByRole('heading', { name: 'Bundles', level: 1 })).toBeVisible();
  });

  test('shows the three plans side by side with invocations, price and the current plan', async ({
    app,
  }) => {
    const { page } = app;
    const plan = (name: string) => page.getByRole('region', { name, exact: true });

    await expect(plan('STARTER')).toContainText('1,000 invocations');
    await expect(plan('STARTER')).toContainText('Price on request');
    await expect(plan('DEVELOPER')).toContainText('100,000 invocations');
    await expect(plan('DEVELOPER')).toContainText('9.99 per bundle');
    await expect(plan('ENTERPRISE')).toContainText('1,000,000 invocations');
    await expect(plan('ENTERPRISE')).toContainText('Price on request');

    // The demo account is on DEVELOPER: that plan is marked and offers no switch to itself.
    await expect(plan('DEVELOPER')).toContainText('Current plan');
    await expect(plan('DEVELOPER').getByRole('button')).toHaveCount(0);
    for (const other of ['STARTER', 'ENTERPRISE']) {
      await expect(plan(other)).not.toContainText('Current plan');
      await expect(plan(other).getByRole('button', { name: `Switch to ${other}` })).toBeVisible();
    }

    // Side by side: one row, left to right.
    const boxes = await Promise.all(
      ['STARTER', 'DEVELOPER', 'ENTERPRISE'].map(async (name) => (await plan(name).boundingBox())!),
    );
    expect(boxes.map((b) => Math.round(b.y))).toEqual(Array(3).fill(Math.round(boxes[0]!.y)));
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);

    await captureView(page, 'bundles-plans');
  });

  test('checks the billing address as it is typed and sends nothing while it is wrong', async ({
    app,
  }) => {
    const { page, control } = app;
    const before = (await control.requests()).length;
    await page.getByRole('button', { name: 'Enter payment details' }).click();
    const form = page.getByRole('form', { name: 'Set bundle' });

    const street = form.getByRole('textbox', { name: 'Street' });
    await street.pressSequentially('123 Hill St.');
    // The rule in words, next to the field, before any attempt to submit.
    await expect(street).toHaveAttribute('aria-invalid', 'true');
    await expect(street).toHaveAccessibleDescription(
      'Street must use only letters (A–Z), digits and spaces.',
    );
    await street.fill('My House 8295');
    await expect(street).not.toHaveAttribute('aria-invalid');

    await form.getByRole('textbox', { name: 'City' }).pressSequentially('Paraná');
    await expect(form.getByRole('textbox', { name: 'City' })).toHaveAccessibleDescription(
      'City must use only letters (A–Z) and spaces.',
    );

    // The country is found by its name and stored as its code; an unassigned code is refused.
    const country = form.getByRole('combobox', { name: 'Country' });
    const suggestions = await country.evaluate((input: HTMLInputElement) =>
      [...(input.list?.options ?? [])].map((option) => `${option.value} ${option.label}`),
    );
    expect(suggestions).toContain('AR Argentina');
    expect(suggestions).toHaveLength(249);
    await country.pressSequentially('Argentina');
    await expect(country).toHaveValue('AR');
    await expect(country).toHaveAccessibleDescription('AR: Argentina');
    await country.fill('XX');
    await expect(country).toHaveAccessibleDescription(
      'Country must be a two-letter ISO country code such as GB or AR.',
    );

    await form.getByRole('button', { name: 'Set STARTER bundle' }).click();
    await expect(
      form.getByRole('textbox', { name: 'Payment method ID' }),
    ).toHaveAccessibleDescription('Payment method is required.');
    await expect(form.getByRole('textbox', { name: 'Post code' })).toHaveAccessibleDescription(
      'Post code is required.',
    );
    await captureView(page, 'bundles-form-errors');

    // Nothing reached GreenCloud: no bundle call, and no call of any kind since the view opened.
    const sent = (await control.requests()).slice(before);
    expect(sent.filter((r) => r.path.startsWith('/v1/user/bundle'))).toEqual([]);
  });

  test('a declined card is explained and leaves the plan as it was', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Enter payment details' }).click();
    await fillSetBundleForm(app.page, {
      plan: 'ENTERPRISE',
      paymentMethod: 'pm_card_chargeDeclined',
    });
    await page.getByRole('button', { name: 'Set ENTERPRISE bundle' }).click();

    const form = page.getByRole('form', { name: 'Set bundle' });
    await expect(
      form.getByRole('textbox', { name: 'Payment method ID' }),
    ).toHaveAccessibleDescription(/card was declined and nothing was charged/);
    expect(await app.control.countRequests('POST', '/v1/user/bundle')).toBe(1);
    await expect(page.getByRole('region', { name: 'DEVELOPER' })).toContainText('Current plan');
    await expect(page.getByRole('region', { name: 'ENTERPRISE' })).not.toContainText(
      'Current plan',
    );
  });

  test('setting a bundle with a good card shows the new plan and its invoice', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Enter payment details' }).click();
    await fillSetBundleForm(page, { plan: 'STARTER', paymentMethod: 'pm_card_visa' });
    await page.getByRole('button', { name: 'Set STARTER bundle' }).click();

    await expect(page.getByTestId('bundle-done')).toHaveText('Your bundle has been set.');
    await expect(page.getByRole('region', { name: 'STARTER' })).toContainText('Current plan');
    await expect(page.getByRole('region', { name: 'DEVELOPER' })).not.toContainText('Current plan');

    await openView(page, 'Invoices');
    const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
    await expect(rows).toHaveCount(4); // header + the new one + the two seeded
    await expect(rows.nth(1)).toContainText('2.99');
    await rows
      .nth(1)
      .getByRole('button', { name: /^View invoice/ })
      .click();
    await expect(page.getByRole('region', { name: 'Invoice detail' })).toContainText(
      'STARTER bundle',
    );
  });

  test('switching plans asks first: Cancel sends nothing, Confirm sends one request', async ({
    app,
  }) => {
    const { page, control } = app;
    const dialog = page.getByRole('dialog', { name: 'Switch to STARTER?' });

    await page.getByRole('button', { name: 'Switch to STARTER' }).click();
    await expect(dialog).toContainText('from DEVELOPER to STARTER');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await control.countRequests('PUT', '/v1/user/bundle/starter')).toBe(0);
    await expect(page.getByRole('region', { name: 'DEVELOPER' })).toContainText('Current plan');

    // Escape is another way to say no.
    await page.getByRole('button', { name: 'Switch to STARTER' }).click();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await control.countRequests('PUT', '/v1/user/bundle/starter')).toBe(0);

    await page.getByRole('button', { name: 'Switch to STARTER' }).click();
    await dialog.getByRole('button', { name: 'Switch bundle' }).click();
    await expect(page.getByTestId('bundle-done')).toHaveText('Your bundle is now STARTER.');
    await expect(page.getByRole('region', { name: 'STARTER' })).toContainText('Current plan');
    expect(await control.countRequests('PUT', '/v1/user/bundle/starter')).toBe(1);
  });
});

async function fillSetBundleForm(
  page: Page,
  details: { plan: string; paymentMethod: string },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Set bundle' });
  await form.getByRole('combobox', { name: 'Plan' }).selectOption(details.plan);
  await form.getByRole('textbox', { name: 'Payment method ID' }).fill(details.paymentMethod);
  await form.getByRole('textbox', { name: 'Street' }).fill('My House 8295');
  await form.getByRole('textbox', { name: 'City' }).fill('Parana');
  await form.getByRole('textbox', { name: 'Post code' }).fill('3100');
  await form.getByRole('combobox', { name: 'Country' }).fill('Argentina');
}
