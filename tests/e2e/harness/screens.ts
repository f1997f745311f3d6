// Looks at a view the way the issue asks: a screenshot in light and in dark, and an axe-core
// accessibility check in both, failing on any serious or critical violation.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Locator, type Page } from '@playwright/test';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) still holds
  // for everything the app itself loads.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe!.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

/**
 * The window height that shows the whole view. The shell is as tall as the window and scrolls
 * inside its content area, so a full-page screenshot alone would stop at the window's bottom edge:
 * add what the content area (and any other scrolling box) holds below its fold.
 */
async function wholeViewHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY))
      .map((el) => el.scrollHeight - el.clientHeight);
    return innerHeight + Math.max(0, ...hidden);
  });
}

/**
 * Saves test-results/screenshots/<name>-light.png and -dark.png of the whole view (the window
 * grows for the pictures, at the same width, so nothing is cut off at its fold) and checks both
 * with axe.
 */
export async function captureView(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const height = await wholeViewHeight(page);
  const grown = size !== null && height > size.height;
  if (grown) await page.setViewportSize({ width: size.width, height });
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // Let transitions finish so the picture and the contrast check see the settled screen.
      await page.waitForTimeout(150);
      await page.screenshot({
        path: `test-results/screenshots/${name}-${colorScheme}.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page), `axe on ${name} (${colorScheme})`).toEqual([]);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    if (grown) await page.setViewportSize(size);
  }
}

const roomy = { width: 1100, height: 750 };
const small = { width: 800, height: 600 };

/**
 * Screenshots and axe at the usual size (captureView), then the same view in an 800×600 window,
 * where nothing may spill sideways and the sidebar and the view's heading stay in sight.
 */
export async function lookAt(
  page: Page,
  name: string,
  heading: string,
  signedIn: boolean,
  /** What the picture is about, when it sits further down the view than its heading. */
  subject?: Locator,
) {
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  await subject?.scrollIntoViewIfNeeded();
  await captureView(page, name);

  await page.setViewportSize(small);
  try {
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main');
      return {
        page: document.documentElement.scrollWidth,
        window: innerWidth,
        // The shell clips its main column, so content too wide for it would not widen the page:
        // measure the scrolling content area as well.
        content: main ? main.scrollWidth - main.clientWidth : 0,
        // Boxes whose content runs past their own edges (text out of a card or fieldset), which
        // the page's width alone would not show.
        spilling: [...(main?.querySelectorAll<HTMLElement>('*') ?? [])]
          .filter((el) => {
            const style = getComputedStyle(el);
            return (
              style.display !== 'inline' &&
              style.overflowX === 'visible' &&
              el.clientWidth > 0 &&
              el.scrollWidth > el.clientWidth + 1
            );
          })
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 60)}`,
          ),
      };
    });
    expect(widths.page, `${name}: the page is no wider than the window`).toBeLessThanOrEqual(
      widths.window,
    );
    expect(widths.content, `${name}: nothing in the view spills sideways`).toBeLessThanOrEqual(0);
    expect(widths.spilling, `${name}: boxes whose content runs past their edges`).toEqual([]);
    if (subject) await subject.scrollIntoViewIfNeeded();
    await expect(
      subject ?? page.getByRole('heading', { name: heading, level: 1 }),
    ).toBeInViewport();
    if (signedIn) await expect(page.getByRole('navigation', { name: 'Main' })).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/${name}-800x600.png` });
  } finally {
    await page.setViewportSize(roomy);
  }
}
