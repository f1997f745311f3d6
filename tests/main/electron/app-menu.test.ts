import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate } from '../../../src-main/electron/app-menu';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildAppMenuTemplate', () => {
  const actions = { openWindow: vi.fn(), refreshNow: vi.fn() };

  it('has the app menu with About on macOS', () => {
    const template = buildAppMenuTemplate('darwin', 'GreenCloud Desktop', actions);
    expect(template[0]!.label).toBe('GreenCloud Desktop');
    expect(roles([template[0]!])).toEqual(
      expect.arrayContaining(['about', 'hide', 'quit', 'services']),
    );
    expect(template.map((item) => item.label)).not.toContain('Help');
  });

  it('has About under Help and Quit under File elsewhere', () => {
    const template = buildAppMenuTemplate('win32', 'GreenCloud Desktop', actions);
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template)).toEqual(
      expect.arrayContaining(['quit', 'copy', 'paste', 'selectAll', 'undo', 'about', 'minimize']),
    );
    // Reloading would throw away the page's state: the shortcut refreshes the quota instead.
    expect(roles(template)).not.toContain('reload');
  });

  it('wires Refresh and Open to the actions', () => {
    const template = buildAppMenuTemplate('linux', 'GreenCloud Desktop', actions);
    const items = template.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []));
    items
      .find((item) => item.label === 'Refresh Quota Now')
      ?.click?.(undefined as never, undefined, undefined as never);
    items
      .find((item) => item.label === 'Open GreenCloud')
      ?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.refreshNow).toHaveBeenCalled();
    expect(actions.openWindow).toHaveBeenCalled();
  });

  it('offers Restart to Update beside About while an update waits', () => {
    const restart = vi.fn();
    const update = { label: 'Restart to Update', enabled: true, restart };
    const mac = buildAppMenuTemplate('darwin', 'GreenCloud Desktop', { ...actions, update });
    const macItems = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(macItems[0]!.role).toBe('about');
    expect(macItems[1]).toMatchObject({ label: 'Restart to Update', enabled: true });
    macItems[1]!.click?.(undefined as never, undefined, undefined as never);
    expect(restart).toHaveBeenCalledTimes(1);

    const linux = buildAppMenuTemplate('linux', 'GreenCloud Desktop', {
      ...actions,
      update: { ...update, enabled: false },
    });
    const help = linux.find((item) => item.label === 'Help')!
      .submenu as MenuItemConstructorOptions[];
    expect(help.map((item) => item.role ?? item.label)).toEqual(['about', 'Restart to Update']);
    expect(help[1]!.enabled).toBe(false);

    const none = buildAppMenuTemplate('linux', 'GreenCloud Desktop', actions);
    expect(JSON.stringify(none)).not.toContain('Restart to Update');
  });
});
