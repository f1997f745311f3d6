// The card window's preload: one call, `window.cardEntry.finish(result)`, on one channel. No
// `window.greencloud` here: the card window cannot reach any of the app's bridge calls. Main
// parses the result strictly (src-main/common/card-choice.ts) and accepts it only from this
// window's own page.
import { contextBridge, ipcRenderer } from 'electron';
import { cardEntryChannel, type CardEntryPort } from '../src-main/common/card-entry-channel';

const port: CardEntryPort = {
  finish: (result) => ipcRenderer.send(cardEntryChannel, result),
};

contextBridge.exposeInMainWorld('cardEntry', Object.freeze(port));
