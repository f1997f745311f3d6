// The one gate every bridge call passes through, whatever the transport (Electron's ipcMain in the
// app, Playwright's exposeBinding in the end-to-end tests): check the sender is the app's own page,
// parse the payload with the contract's schema, run the handler, and turn any failure into the
// common error value. Nothing thrown here ever crosses the bridge.

import type { z } from 'zod';
import { AppError, toAppErrorData, type BridgeResult } from '../common/app-error';
import {
  bridgeCalls,
  type AreaCallName,
  type BridgeArea,
  type BridgeCallName,
  type CallResponse,
} from '../common/bridge-contract';
import { validate } from '../common/validate';

export type CallHandler<N extends BridgeCallName> = (
  request: z.output<(typeof bridgeCalls)[N]['request']>,
) => Promise<CallResponse<N>>;

export type BridgeHandlers = { [N in BridgeCallName]: CallHandler<N> };
/** One area's handlers (src-main/core/handlers/<area>-handlers.ts), typed by the contract. */
export type AreaHandlers<A extends BridgeArea> = { [N in AreaCallName<A>]: CallHandler<N> };

export interface HandlerRegistry {
  dispatch(
    name: string,
    payload: unknown,
    senderFrameUrl: string | undefined,
  ): Promise<BridgeResult<unknown>>;
}

// Only a broken or foreign page sends the wrong shape: the app's own views use the contract's.
const brokenRequest = () =>
  'GreenCloud Desktop could not understand a request from its window. Please restart the app.';

export function createHandlerRegistry(
  handlers: BridgeHandlers,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
): HandlerRegistry {
  return {
    async dispatch(name, payload, senderFrameUrl) {
      try {
        if (!isTrustedSender(senderFrameUrl)) {
          throw new AppError({
            kind: 'not-allowed',
            message: 'This request did not come from GreenCloud Desktop’s own window.',
          });
        }
        if (!Object.hasOwn(bridgeCalls, name)) {
          throw new AppError({
            kind: 'validation',
            message: 'GreenCloud Desktop has no such action.',
          });
        }
        const callName = name as BridgeCallName;
        const request = validate(bridgeCalls[callName].request, payload, brokenRequest);
        const handler = handlers[callName] as (request: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(request) };
      } catch (error) {
        return { ok: false, error: toAppErrorData(error) };
      }
    },
  };
}
