// Runs in the sandboxed preload: exposes `window.greencloud` (the contract's named functions and
// subscriptions) to the page's isolated world, and nothing else from Electron or Node.
import { contextBridge } from 'electron';
import { createBridge } from './create-bridge';
import { ipcTransport } from './ipc-transport';

contextBridge.exposeInMainWorld('greencloud', createBridge(ipcTransport));
