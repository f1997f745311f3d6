import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createTrayController, type TrayInstance } from '../../../src-main/electron/tray';
import type { TrayAction } from '../../../src-main/electron/tray-model';
import { quotaStatus } from './quota-status-fixture';

function setup(platform: NodeJS.Platform) {
  const handlers = new Map<string, () => void>();
  const instance = {
    setImage: vi.fn(),
    setToolTip: vi.fn(),
    setTitle: vi.fn(),
    setContextMenu: vi.fn(),
    on: vi.fn((event: string, handler: () => void) => handlers.set(event, handler)),
    destroy: vi.fn(),
  };
  const createTrayInstance = vi.fn(() => instance as unknown as TrayInstance);
  const templates: MenuItemConstructorOptions[][] = [];
  const actions: TrayAction[] = [];
  const controller = createTrayController({
    createTrayInstance,
    buildMenu: (template) => {
      templates.push(template);
      return { template } as unknown as Menu;
    },
    iconDir: '/icons',
    platform,
    onAction: (action) => actions.push(action),
    now: () => 0,
    formatTime: () => '00:00',
  });
  return { controller, instance, createTrayInstance, templates, actions, handlers };
}

describe('createTrayController', () => {
  it('creates the tray once and rebuilds and sets the menu again on every change (Linux)', () => {
    const { controller, instance, createTrayInstance, templates } = setup('linux');
    controller.update(quotaStatus({ level: 'ok' }));
    controller.update(quotaStatus({ level: 'low' }));
    controller.update(quotaStatus({ level: 'low', forecastText: 'runs out in ~1 day' }));
    expect(createTrayInstance).toHaveBeenCalledTimes(1);
    expect(createTrayInstance).toHaveBeenCalledWith('/icons/tray-normal.png');
    // The icon changes only when the state does.
    expect(instance.setImage.mock.calls).toEqual([['/icons/tray-low.png']]);
    expect(instance.setContextMenu).toHaveBeenCalledTimes(3);
    expect(templates).toHaveLength(3);
    expect(templates[2]![1]).toMatchObject({ label: 'runs out in ~1 day', enabled: false });
    expect(instance.setTitle).not.toHaveBeenCalled();
  });

  it('adds Restart to Update above Quit while an update waits, on the last status', () => {
    const { controller, templates, actions } = setup('linux');
    controller.update(quotaStatus({ level: 'low' }));
    controller.setUpdateOffer({ label: 'Restart to Update', enabled: true });
    const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label);
    expect(templates).toHaveLength(2);
    expect(labels(templates[1]!).slice(-2)).toEqual([
      'Restart to Update',
      'Quit GreenCloud Desktop',
    ]);
    templates[1]!.at(-2)!.click?.(undefined as never, undefined, undefined as never);
    expect(actions).toEqual(['restart-to-update']);
    // It stays through quota changes, and goes when the offer does.
    controller.update(quotaStatus({ level: 'ok' }));
    expect(labels(templates[2]!)).toContain('Restart to Update');
    controller.setUpdateOffer(undefined);
    expect(labels(templates[3]!)).not.toContain('Restart to Update');
  });

  it('shows a disabled Restart to Update while it cannot restart', () => {
    const { controller, templates } = setup('linux');
    controller.setUpdateOffer({ label: 'Restart to Update', enabled: false });
    expect(templates).toHaveLength(0); // no tray before the first status
    controller.update(quotaStatus());
    expect(templates[0]!.at(-2)).toMatchObject({ label: 'Restart to Update', enabled: false });
  });

  it('uses template images and the percentage title on macOS', () => {
    const { controller, createTrayInstance, instance } = setup('darwin');
    controller.update(quotaStatus());
    expect(createTrayInstance).toHaveBeenCalledWith('/icons/tray-lowTemplate.png');
    expect(instance.setTitle).toHaveBeenCalledWith('8%');
  });

  it('opens the window on a left click on Windows only', () => {
    const windows = setup('win32');
    windows.controller.update(quotaStatus());
    windows.handlers.get('click')?.();
    expect(windows.actions).toEqual(['open']);
    const linux = setup('linux');
    linux.controller.update(quotaStatus());
    expect(linux.handlers.has('click')).toBe(false);
  });

  it('binds menu items to actions', () => {
    const { controller, templates, actions } = setup('linux');
    controller.update(quotaStatus());
    const buy = templates[0]!.find((item) => item.label === 'Buy refill…');
    buy?.click?.(undefined as never, undefined, undefined as never);
    expect(actions).toEqual(['buy-refill']);
  });

  it('reports what it shows and forgets it when destroyed', () => {
    const { controller, instance } = setup('linux');
    expect(controller.snapshot()).toBeUndefined();
    controller.update(quotaStatus());
    expect(controller.snapshot()).toMatchObject({ iconPath: '/icons/tray-low.png', title: '8%' });
    expect(controller.snapshot()?.menuLabels.at(-1)).toBe('Quit GreenCloud Desktop');
    controller.destroy();
    expect(instance.destroy).toHaveBeenCalled();
    expect(controller.snapshot()).toBeUndefined();
  });
});
