// Decides the proxy for each request, in this order: the proxy typed into Settings, then
// HTTPS_PROXY / HTTP_PROXY (with NO_PROXY) where set, then the operating system's settings and PAC
// script through Electron's session.resolveProxy (passed in: this file has no Electron), else
// direct. Requests to this computer (the embedded sandbox) never use a proxy from Settings or the
// environment: a proxy elsewhere cannot reach them.

import { AppError } from '../common/app-error';
import {
  choiceFromEnvironment,
  choiceFromPac,
  direct,
  isLoopbackTarget,
  proxyUrl,
  type ProxyChoice,
} from './proxy-rules';

/** Chrome's PAC result for a URL: "DIRECT", "PROXY host:port; DIRECT", ... */
export type ResolveProxy = (url: string) => Promise<string>;

export interface ProxyResolverOptions {
  /** The proxy address from Settings, read on each request so a change applies at once. */
  manualProxy?: () => string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
  /** Electron's session.resolveProxy in the app; absent in plain Node. */
  system?: ResolveProxy;
  /**
   * Default true. The proxy tests turn it off: there the proxy and the server both listen on
   * loopback, which is exactly what a real setup never has.
   */
  loopbackDirect?: boolean;
}

export type ChooseProxy = (target: URL) => Promise<ProxyChoice>;

export function createProxyResolver(options: ProxyResolverOptions = {}): ChooseProxy {
  const env = options.env ?? {};
  const loopbackDirect = options.loopbackDirect ?? true;
  return async (target) => {
    if (!(loopbackDirect && isLoopbackTarget(target))) {
      const manual = options.manualProxy?.();
      if (manual !== undefined && manual.trim() !== '') {
        const url = proxyUrl(manual);
        if (!url) throw badManualProxy();
        return { kind: 'proxy', url };
      }
      const fromEnv = choiceFromEnvironment(target, env);
      if (fromEnv) return fromEnv;
    }
    if (!options.system) return direct;
    let result: string;
    try {
      result = await options.system(target.href);
    } catch {
      // The system could not say (a PAC script that fails to load): Chrome then goes direct too.
      return direct;
    }
    const chosen = choiceFromPac(result);
    if (chosen) return chosen;
    throw new AppError({
      kind: 'offline',
      message:
        'Your network settings send GreenCloud Desktop through a SOCKS proxy, which it does not support. Set an HTTP proxy in Settings → Network.',
    });
  };
}

function badManualProxy(): AppError {
  return new AppError({
    kind: 'validation',
    field: 'proxy',
    message:
      'The proxy in Settings is not a proxy address. Use the form proxy.example.com:8080, or clear it.',
  });
}
