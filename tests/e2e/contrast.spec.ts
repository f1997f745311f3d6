// WCAG 1.4.11 in the page, in both themes: the edge of every control the user operates (inputs,
// selects, switches, bordered buttons) and the empty part of the quota gauge stand out at least
// 3:1 from what is behind them. Measured from the computed colours, so a token change that breaks
// it fails here.

import type { Page } from '@playwright/test';
import { test, expect } from './harness/app-fixture';
import { openView, signInThroughForm } from './harness/flows';

interface Measured {
  what: string;
  ratio: number;
}

/** Contrast of each visible control's edge against the nearest opaque background behind it. */
async function controlContrast(page: Page): Promise<Measured[]> {
  return page.evaluate(() => {
    const parse = (colour: string): [number, number, number, number] | undefined => {
      const m = colour.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/);
      return m
        ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]
        : undefined;
    };
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const backdrop = (el: Element): number[] => {
      for (let node = el.parentElement; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg[3] === 1) return bg;
      }
      return parse(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
    };
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'input:not([type=checkbox]):not([type=radio]), select, input[role=switch], button, [data-testid=quota-gauge] [role=meter]',
      ),
    ].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !(el as HTMLButtonElement).disabled;
    });
    const measured: { what: string; ratio: number }[] = [];
    for (const el of controls) {
      const style = getComputedStyle(el);
      const behind = backdrop(el);
      const fill = parse(style.backgroundColor);
      const edge = parse(style.borderTopColor);
      const bordered = Number.parseFloat(style.borderTopWidth) > 0 && edge && edge[3] === 1;
      // A bordered control is told apart by its edge (or its fill, for a primary button). Text-only
      // controls (links, sidebar rows) are identified by their text, not a boundary: not measured.
      if (!bordered) continue;
      const candidates = [
        ratio(edge!, behind),
        ...(fill && fill[3] === 1 ? [ratio(fill, behind)] : []),
      ];
      if (candidates.length === 0) continue;
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.id;
      measured.push({
        what: `${el.tagName.toLowerCase()} "${name.slice(0, 40)}"`,
        ratio: Math.max(...candidates),
      });
    }
    return measured;
  });
}

async function expectContrast(page: Page, screen: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(100);
    const measured = await controlContrast(page);
    expect(measured.length, `${screen} (${colorScheme}) has controls to measure`).toBeGreaterThan(
      2,
    );
    const low = measured.filter((m) => m.ratio < 3).map((m) => `${m.what}: ${m.ratio.toFixed(2)}`);
    expect(low, `${screen} (${colorScheme}): controls under 3:1`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('controls and the gauge stand out at least 3:1 in light and dark', async ({ app }) => {
  test.setTimeout(60_000);
  await app.open();
  await expectContrast(app.page, 'sign-in');
  await signInThroughForm(app);
  await expect(app.page.getByRole('meter')).toBeVisible();
  await expectContrast(app.page, 'account');
  await openView(app.page, 'Settings');
  await expectContrast(app.page, 'settings');
  await openView(app.page, 'Password');
  await expectContrast(app.page, 'password');
});
