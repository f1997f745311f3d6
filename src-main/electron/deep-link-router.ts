// Routes greencloud:// links to the window. Links can arrive before the core and the window exist
// (macOS sends `open-url` before `ready` on a cold start), so they wait until `attach`.
import type { NavigationRequest } from '../common/bridge-contract';

export interface DeepLinkTarget {
  parse(url: string): NavigationRequest | undefined;
  showWindow(): void;
  navigate(request: NavigationRequest): void;
}

export interface DeepLinkRouter {
  handle(url: string): void;
  attach(target: DeepLinkTarget): void;
}

export function createDeepLinkRouter(): DeepLinkRouter {
  let target: DeepLinkTarget | undefined;
  const pending: string[] = [];

  const route = (to: DeepLinkTarget, url: string) => {
    const request = to.parse(url);
    // Unknown or malformed links still bring the app forward: the user clicked something of ours.
    to.showWindow();
    if (request !== undefined) to.navigate(request);
  };

  return {
    handle(url) {
      if (target === undefined) pending.push(url);
      else route(target, url);
    },
    attach(to) {
      target = to;
      for (const url of pending.splice(0)) route(to, url);
    },
  };
}
