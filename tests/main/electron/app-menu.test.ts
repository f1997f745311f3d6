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
});
