import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createNotifier, type NotificationInstance } from '../../../src-main/electron/notifier';

function setup(supported = true) {
  const shown: { options: NotificationConstructorOptions; handlers: Map<string, () => void> }[] =
    [];
  const onClick = vi.fn();
  const notifier = createNotifier({
    isSupported: () => supported,
    createNotification: (options) => {
      const handlers = new Map<string, () => void>();
      shown.push({ options, handlers });
      return {
        on: (event: string, handler: () => void) => handlers.set(event, handler),
        show: vi.fn(),
      } as unknown as NotificationInstance;
    },
    onClick,
  });
  return { notifier, shown, onClick };
}

const alert = {
  accountId: 'http://127.0.0.1:4010/v1 demo@greencloud.test',
  kind: 'low',
  title: 'GreenCloud quota low · demo@greencloud.test',
  body: '8,200 of 100,000 left',
  action: 'buy-refill',
} as const;

describe('createNotifier', () => {
  it('shows the alert and passes it on (account and action) when clicked', () => {
    const { notifier, shown, onClick } = setup();
    notifier.notify(alert);
    expect(shown[0]!.options).toEqual({ title: alert.title, body: alert.body });
    shown[0]!.handlers.get('click')?.();
    expect(onClick).toHaveBeenCalledWith(alert);
  });

  it('passes "none" for a notice without an action', () => {
    const { notifier, shown, onClick } = setup();
    notifier.notify({ ...alert, action: 'none' });
    shown[0]!.handlers.get('click')?.();
    expect(onClick).toHaveBeenCalledWith({ ...alert, action: 'none' });
  });

  it('does nothing where the system has no notifications', () => {
    const { notifier, shown } = setup(false);
    notifier.notify(alert);
    expect(shown).toHaveLength(0);
  });
});
