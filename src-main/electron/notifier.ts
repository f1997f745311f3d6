// Shows the core's quota alerts as system notifications. A click brings the window up on the
// account the alert is about, on the Buy refill view when the alert offers that. Electron's
// Notification comes in through a factory.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { DesktopNotice, DesktopNotifier } from '../common/platform-ports';

export type NotificationInstance = Pick<Notification, 'on' | 'show'>;

export interface NotifierDeps {
  isSupported: () => boolean;
  createNotification: (options: NotificationConstructorOptions) => NotificationInstance;
  onClick: (notice: DesktopNotice) => void;
}

export function createNotifier(deps: NotifierDeps): DesktopNotifier {
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
        deps.onClick(alert);
      });
      notification.on('close', () => showing.delete(notification));
      notification.show();
    },
  };
}
