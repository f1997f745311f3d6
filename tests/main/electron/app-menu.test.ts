import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appViews } from '../../../src-main/common/app-views';
import { buildAppMenuTemplate } from '../../../src-main/electron/app-menu';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? allItems(item.submenu) : []),
  ]);
}

function click(item: MenuItemConstructorOptions | undefined) {
  item?.click?.(undefined as never, undefined, undefined as never);
}

function fakeActions() {
  return { openWindow: vi.fn(), refreshNow: vi.fn(), show: vi.fn() };
}

describe('buildAppMenuTemplate', () => {
  it('has the app menu with About and Settings… on macOS', () => {
    const actions = fakeActions();
    const template = buildAppMenuTemplate('darwin', 'GreenCloud Desktop', actions);
    expect(template[0]!.label).toBe('GreenCloud Desktop');
    expect(roles([template[0]!])).toEqual(expect.arrayContaining(['hide', 'quit', 'services']));
    const appMenu = allItems([template[0]!]);
    click(appMenu.find((item) => item.label === 'About GreenCloud Desktop'));
    expect(actions.show).toHaveBeenCalledWith('about');
    const settings = appMenu.find((item) => item.label === 'Settings…');
    expect(settings?.accelerator).toBe('CmdOrCtrl+,');
    expect(template.map((item) => item.label)).not.toContain('Help');
  });

  it('has About under Help and Settings and Quit under File elsewhere', () => {
    const actions = fakeActions();
    const template = buildAppMenuTemplate('win32', 'GreenCloud Desktop', actions);
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template)).toEqual(
      expect.arrayContaining(['quit', 'copy', 'paste', 'selectAll', 'undo', 'minimize']),
    );
    // Reloading would throw away the page's state: the shortcut refreshes the quota instead.
    expect(roles(template)).not.toContain('reload');
    const file = allItems([template[0]!]);
    expect(file.find((item) => item.label === 'Settings')?.accelerator).toBe('CmdOrCtrl+,');
    click(allItems([template[4]!]).find((item) => item.label === 'About GreenCloud Desktop'));
    expect(actions.show).toHaveBeenCalledWith('about');
  });

  it('lists the views with Ctrl/Cmd+1…9 in the sidebar order', () => {
    const actions = fakeActions();
    const template = buildAppMenuTemplate('linux', 'GreenCloud Desktop', actions);
    const view = template.find((item) => item.label === 'View')!;
    const shortcuts = allItems([view])
      .filter((item) => /^CmdOrCtrl\+\d$/.test(item.accelerator ?? ''))
      .map((item) => [item.label, item.accelerator]);
    expect(shortcuts).toEqual(
      appViews.slice(0, 9).map((entry, index) => [entry.label, `CmdOrCtrl+${index + 1}`]),
    );
    click(allItems([view]).find((item) => item.accelerator === 'CmdOrCtrl+2'));
    expect(actions.show).toHaveBeenCalledWith(appViews[1]!.view);
  });

  it('wires Refresh (Ctrl/Cmd+R) and Open to the actions', () => {
    const actions = fakeActions();
    const items = allItems(buildAppMenuTemplate('linux', 'GreenCloud Desktop', actions));
    const refresh = items.find((item) => item.label === 'Refresh');
    expect(refresh?.accelerator).toBe('CmdOrCtrl+R');
    click(refresh);
    click(items.find((item) => item.label === 'Open GreenCloud'));
    expect(actions.refreshNow).toHaveBeenCalled();
    expect(actions.openWindow).toHaveBeenCalled();
  });

  it('offers Restart to Update beside About while an update waits', () => {
    const actions = fakeActions();
    const restart = vi.fn();
    const update = { label: 'Restart to Update', enabled: true, restart };
    const mac = buildAppMenuTemplate('darwin', 'GreenCloud Desktop', { ...actions, update });
    const macItems = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(macItems[0]!.label).toBe('About GreenCloud Desktop');
    expect(macItems[1]).toMatchObject({ label: 'Restart to Update', enabled: true });
    macItems[1]!.click?.(undefined as never, undefined, undefined as never);
    expect(restart).toHaveBeenCalledTimes(1);

    const linux = buildAppMenuTemplate('linux', 'GreenCloud Desktop', {
      ...actions,
      update: { ...update, enabled: false },
    });
    const help = linux.find((item) => item.label === 'Help')!
      .submenu as MenuItemConstructorOptions[];
    expect(help.map((item) => item.role ?? item.label)).toEqual([
      'About GreenCloud Desktop',
      'Restart to Update',
    ]);
    expect(help[1]!.enabled).toBe(false);

    const none = buildAppMenuTemplate('linux', 'GreenCloud Desktop', actions);
    expect(JSON.stringify(none)).not.toContain('Restart to Update');
  });
});
