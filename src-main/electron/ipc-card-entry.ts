// The card window's one IPC channel, main side: accepts a result only from that window's own
// card page (its web contents and its https card URL), once, and forgets the listener when the
// window closes.
import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { cardEntryChannel } from '../common/card-entry-channel';
import { isCardPageUrl } from '../core/card-page';

export function onCardEntryResult(
  window: BrowserWindow,
  handler: (payload: unknown) => void,
): () => void {
  const listener = (event: IpcMainEvent, payload: unknown) => {
    if (event.sender !== window.webContents || !isCardPageUrl(event.senderFrame?.url)) return;
    handler(payload);
  };
  ipcMain.on(cardEntryChannel, listener);
  return () => ipcMain.removeListener(cardEntryChannel, listener);
}
