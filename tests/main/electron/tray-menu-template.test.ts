import { describe, expect, it } from 'vitest';
import { toMenuTemplate } from '../../../src-main/electron/tray-menu-template';
import type { TrayAction } from '../../../src-main/electron/tray-model';

describe('toMenuTemplate', () => {
  it('turns labels into disabled lines, keeps separators, nests submenus and binds actions', () => {
    const clicked: TrayAction[] = [];
    const template = toMenuTemplate(
      [
        { kind: 'label', label: 'State' },
        { kind: 'separator' },
        {
          kind: 'submenu',
          label: 'Mute alerts',
          items: [{ kind: 'action', action: 'mute-1h', label: 'For 1 hour', enabled: true }],
        },
        { kind: 'action', action: 'refresh', label: 'Refresh', enabled: false },
      ],
      (action) => clicked.push(action),
    );
    expect(template[0]).toEqual({ label: 'State', enabled: false });
    expect(template[1]).toEqual({ type: 'separator' });
    expect(template[3]).toMatchObject({ label: 'Refresh', enabled: false });
    const submenu = template[2]!.submenu as { click?: () => void }[];
    submenu[0]!.click?.();
    expect(clicked).toEqual(['mute-1h']);
  });
});
