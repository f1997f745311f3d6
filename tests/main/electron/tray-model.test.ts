import { describe, expect, it } from 'vitest';
import type { QuotaLevel } from '../../../src-main/common/bridge-contract';
import {
  buildTrayModel,
  percentTitle,
  trayIconFile,
  type TrayMenuItem,
} from '../../../src-main/electron/tray-model';
import { quotaStatus } from './quota-status-fixture';

const now = Date.UTC(2026, 0, 15, 12, 0);
const options = { now, formatTime: (ms: number) => new Date(ms).toISOString().slice(11, 16) };

function labels(items: readonly TrayMenuItem[]): string[] {
  return items.map((item) => (item.kind === 'separator' ? '---' : item.label));
}
function action(items: readonly TrayMenuItem[], label: string) {
  const found = items.find((item) => item.kind !== 'separator' && item.label === label);
  if (found === undefined) throw new Error(`no menu item ${label}`);
  return found;
}

describe('buildTrayModel', () => {
  it('puts the state and the forecast in the menu, not only the tooltip', () => {
    const model = buildTrayModel(quotaStatus(), options);
    expect(model.tooltip).toBe(
      'GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)\nruns out in ~2 days',
    );
    expect(labels(model.menu)).toEqual([
      'GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)',
      'runs out in ~2 days',
      '---',
      'Open GreenCloud',
      'Refresh',
      'Buy refill…',
      'Mute alerts',
      '---',
      'Quit GreenCloud Desktop',
    ]);
    expect(model.menu[0]).toEqual({
      kind: 'label',
      label: 'GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)',
    });
  });

  it('leaves out an empty forecast line', () => {
    const model = buildTrayModel(quotaStatus({ forecastText: '' }), options);
    expect(model.tooltip).toBe('GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)');
    expect(labels(model.menu)[1]).toBe('---');
  });

  it.each<[QuotaLevel, string]>([
    ['ok', 'normal'],
    ['low', 'low'],
    ['critical', 'critical'],
    ['exhausted', 'exhausted'],
    ['stale', 'stale'],
    ['signed-out', 'signed-out'],
  ])('shows the %s state with the %s icon', (level, icon) => {
    expect(buildTrayModel(quotaStatus({ level }), options).iconName).toBe(icon);
  });

  it('disables Refresh and Buy refill while signed out, keeps Open and Quit', () => {
    const model = buildTrayModel(
      quotaStatus({
        level: 'signed-out',
        summary: 'GreenCloud: signed out',
        forecastText: '',
        percentLeft: undefined,
      }),
      options,
    );
    expect(action(model.menu, 'Refresh')).toMatchObject({ enabled: false });
    expect(action(model.menu, 'Buy refill…')).toMatchObject({ enabled: false });
    expect(action(model.menu, 'Open GreenCloud')).toMatchObject({ enabled: true });
    expect(action(model.menu, 'Quit GreenCloud Desktop')).toMatchObject({
      enabled: true,
      action: 'quit',
    });
    expect(model.title).toBe('');
  });

  it('offers every mute choice, with Unmute only while muted', () => {
    const unmuted = action(buildTrayModel(quotaStatus(), options).menu, 'Mute alerts');
    if (unmuted.kind !== 'submenu') throw new Error('not a submenu');
    expect(
      unmuted.items.flatMap((item) =>
        item.kind === 'action' ? [[item.action, item.enabled]] : [],
      ),
    ).toEqual([
      ['mute-1h', true],
      ['mute-tomorrow', true],
      ['mute-off', true],
      ['unmute', false],
    ]);

    const muted = buildTrayModel(quotaStatus({ mutedUntil: now + 3_600_000 }), options);
    expect(labels(muted.menu)).toContain('Alerts muted until 13:00');
    const submenu = action(muted.menu, 'Mute alerts');
    if (submenu.kind !== 'submenu') throw new Error('not a submenu');
    expect(submenu.items.at(-1)).toMatchObject({ action: 'unmute', enabled: true });
  });

  it('says when alerts are off for good and ignores an expired mute', () => {
    expect(labels(buildTrayModel(quotaStatus({ mutedForever: true }), options).menu)).toContain(
      'Alerts are off',
    );
    const expired = buildTrayModel(quotaStatus({ mutedUntil: now - 1 }), options);
    expect(labels(expired.menu).some((label) => label.startsWith('Alerts'))).toBe(false);
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const model = buildTrayModel(quotaStatus({ summary: 'x'.repeat(200) }), options);
    expect(model.tooltip).toHaveLength(127);
    expect(model.tooltip.endsWith('…')).toBe(true);
  });
});

describe('percentTitle', () => {
  it('shows the figure main computed for every surface', () => {
    expect(percentTitle(quotaStatus({ percentText: '<1%' }))).toBe('<1%');
  });

  it('shows nothing without a percentage or when signed out', () => {
    expect(percentTitle(quotaStatus({ percentText: undefined }))).toBe('');
    expect(percentTitle(quotaStatus({ level: 'signed-out' }))).toBe('');
  });
});

describe('trayIconFile', () => {
  it('uses template images on macOS and colour icons elsewhere', () => {
    expect(trayIconFile('low', 'darwin')).toBe('tray-lowTemplate.png');
    expect(trayIconFile('low', 'win32')).toBe('tray-low.png');
    expect(trayIconFile('signed-out', 'linux')).toBe('tray-signed-out.png');
  });
});
