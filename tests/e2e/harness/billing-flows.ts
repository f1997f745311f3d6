// Steps the billing specs share: the Billing page, the card window and Stripe's test cards typed
// the way a customer would.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppHarness } from './app-fixture';
import { openView } from './flows';

export async function openBilling(app: AppHarness): Promise<void> {
  await openView(app.page, 'Billing');
  await expect(app.page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(
    app.page.getByRole('table', { name: 'Invoices' }).or(app.page.getByTestId('invoices-empty')),
  ).toBeVisible();
}

/** Turns auto-renewal off from the card's own pre-check, confirming in the dialog. */
export async function turnOffAutoRenewalFromCard(page: Page): Promise<void> {
  const autopay = page.getByTestId('card-autopay');
  await autopay.getByRole('button', { name: 'Turn off auto-renewal…' }).click();
  await page
    .getByRole('dialog', { name: 'Turn off auto-renewal?' })
    .getByRole('button', { name: 'Turn off' })
    .click();
  await expect(autopay).toBeHidden();
}

/** Clicks a button that opens the card window and returns that window's page. */
export async function openCardWindow(app: AppHarness, button: string): Promise<Page> {
  const opened = app.nextCardWindow();
  await app.page.getByRole('button', { name: button, exact: true }).click();
  const cardPage = await opened;
  await expect(cardPage.getByRole('heading', { name: 'Add a card', level: 1 })).toBeVisible();
  return cardPage;
}

export async function typeTestCard(
  cardPage: Page,
  number: string,
  expiry = '12 / 34',
  cvc = '123',
): Promise<void> {
  const form = cardPage.getByRole('form', { name: 'Test card' });
  await form.getByLabel('Card number').pressSequentially(number);
  await form.getByLabel('Expiry (MM / YY)').fill(expiry);
  await form.getByLabel('CVC').fill(cvc);
  await clickInCardWindow(cardPage, form.getByRole('button', { name: 'Use this test card' }));
}

/**
 * Clicks a card-window button that may hand a result back. The window then closes, sometimes
 * before the click's own mouse-up returns, which Playwright reports as "Target page closed":
 * that is the outcome sought, so only an error on a page that stays open fails the step.
 */
export async function clickInCardWindow(cardPage: Page, button: Locator): Promise<void> {
  try {
    await button.click();
  } catch (error) {
    if (cardPage.isClosed()) return;
    const closed = await cardPage
      .waitForEvent('close', { timeout: 2_000 })
      .then(() => true)
      .catch(() => cardPage.isClosed());
    if (!closed) throw error;
  }
}

/** Every file under the app's data folder, as text: settings, quota history, billing files. */
export async function dataFolderText(app: AppHarness): Promise<string> {
  const files = await readdir(app.dataDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

/** A card number in any of the ways it could leak: as typed, grouped, or digits only. */
export function cardNumberForms(number: string): RegExp {
  const digits = number.replace(/\D/g, '');
  return new RegExp(`${digits}|${digits.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
}
