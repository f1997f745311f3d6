// The renderer's only window into the app: the preload's `window.greencloud`, typed by the shared
// contract. It is optional here because a page opened outside the app (or a broken preload) has
// none, and the renderer must say so rather than crash.
import type { GreenCloudBridge } from '../src-main/common/bridge-contract';

declare global {
  interface Window {
    greencloud?: GreenCloudBridge;
  }
}

export {};
