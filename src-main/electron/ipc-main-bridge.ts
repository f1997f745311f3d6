// The only module that touches `ipcMain` (lint enforces it): connects the contract's handlers to
// Electron's IPC. Everything it does is in ipc-bridge.ts, which is tested without Electron.
import { ipcMain } from 'electron';
import type { HandlerRegistry } from '../core/handler-registry';
import { registerBridgeHandlers } from './ipc-bridge';

export function connectBridgeToIpcMain(registry: Pick<HandlerRegistry, 'dispatch'>): void {
  registerBridgeHandlers(ipcMain, registry);
}
