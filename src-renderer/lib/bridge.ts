// The renderer's one door to the main process. Reads `window.greencloud` once and makes every call
// safe for stores: a call that throws or resolves to something that is not a BridgeResult still
// yields an AppErrorData with a sentence, so no view ever meets a raw exception or a stack trace.

import type { AppErrorData, BridgeResult } from '../../src-main/common/app-error';
import type { GreenCloudBridge } from '../../src-main/common/bridge-contract';

export type { AppErrorData, BridgeResult, GreenCloudBridge };

/** `window.greencloud`, or undefined when the page runs without the app's preload. */
export function findBridge(): GreenCloudBridge | undefined {
  const candidate = typeof window === 'undefined' ? undefined : window.greencloud;
  return candidate && typeof candidate === 'object' ? candidate : undefined;
}

const bridgeFailure: AppErrorData = {
  kind: 'internal',
  message: 'GreenCloud Desktop could not reach its background process. Please restart the app.',
};

function isBridgeResult(value: unknown): value is BridgeResult<unknown> {
  if (!value || typeof value !== 'object' || !('ok' in value)) return false;
  const result = value as { ok: unknown; error?: unknown };
  if (result.ok === true) return true;
  if (result.ok !== false || !result.error || typeof result.error !== 'object') return false;
  return typeof (result.error as { message?: unknown }).message === 'string';
}

/**
 * Runs one bridge call and always resolves: `{ok:true,value}` or `{ok:false,error}`.
 * Usage: `await settle(() => bridge.signIn({ email, password }))`.
 */
export async function settle<T>(run: () => Promise<BridgeResult<T>>): Promise<BridgeResult<T>> {
  try {
    const result: unknown = await run();
    if (isBridgeResult(result)) return result as BridgeResult<T>;
    return { ok: false, error: bridgeFailure };
  } catch {
    return { ok: false, error: bridgeFailure };
  }
}

/** Subscribes and returns the unsubscribe, tolerating a bridge that lacks the event. */
export function listen<P>(
  subscribe: ((listener: (payload: P) => void) => () => void) | undefined,
  listener: (payload: P) => void,
): () => void {
  if (typeof subscribe !== 'function') return () => {};
  try {
    const unsubscribe = subscribe(listener);
    return typeof unsubscribe === 'function' ? unsubscribe : () => {};
  } catch {
    return () => {};
  }
}
