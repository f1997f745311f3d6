// Shows the core's quota alerts as system notifications. A click brings the window up, on the Buy
// refill view when the alert offers that. Electron's Notification comes in through a factory.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { AppCoreDeps } from '../core/app-core';

export type Alert = Parameters<AppCoreDeps['notifier']['notify']>[0];
export type NotificationInstance = Pick<Notification, 'on' | 'show'>;

export interface NotifierDeps {
  isSupported: () => boolean;
  createNotification: (options: NotificationConstructorOptions) => NotificationInstance;
  onClick: (action: Alert['action']) => void;
}

export function createNotifier(deps: NotifierDeps): AppCoreDeps['notifier'] {
  // Electron drops the click handler of a notification that was garbage-collected while still on
  // screen; holding each one until it is clicked or closed keeps the click working.
  const showing = new Set<NotificationInstance>();
  return {
    notify(alert) {
      // Some Linux desktops have no notification daemon; the tray still shows the state.
      if (!deps.isSupported()) return;
      const notification = deps.createNotification({ title: alert.title, body: alert.body });
      showing.add(notification);
      notification.on('click', () => {
        showing.delete(notification);
        deps.onClick(alert.action);
      });
      notification.on('close', () => showing.delete(notification));
      notification.show();
    },
  };
}
