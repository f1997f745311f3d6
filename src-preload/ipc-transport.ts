// The bridge's transport over Electron IPC. The raw IpcRendererEvent (which carries `sender`, a
// handle to ipcRenderer itself) is dropped here and never reaches page code.
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeTransport } from './create-bridge';

export const ipcTransport: BridgeTransport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(channel, listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};
