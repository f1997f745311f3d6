// What every GreenCloudClient the core makes shares about the network: one transport (the proxy
// choice, kept-alive connections, the trusted certificates, the proxy's credentials in the
// keychain), the Authorization scheme each endpoint accepted (kept in settings), and where
// decisions are logged.

import type { GreenCloudClientOptions } from '../api/greencloud-client';
import { createHttpTransport } from '../api/http-transport';
import { ConnectionPool } from '../network/connection-pool';
import {
  ProxyCredentials,
  type AskProxyCredential,
  type CredentialVault,
} from '../network/proxy-credentials';
import { createProxyResolver, type ResolveProxy } from '../network/proxy-resolver';
import { createTrustContext, type SystemCertificateLoader } from '../network/trusted-certificates';
import type { SettingsStore } from '../settings/settings-store';

export interface CoreNetworkDeps {
  settings: SettingsStore;
  /** Electron's session.resolveProxy in the app. */
  resolveProxy?: ResolveProxy;
  env?: Readonly<Record<string, string | undefined>>;
  proxyVault: CredentialVault;
  askProxyCredential: AskProxyCredential;
  systemCertificates?: SystemCertificateLoader;
  log?: (line: string) => void;
  /** Tests only: proxies from Settings and the environment carry requests to loopback too. */
  proxyLoopback?: boolean;
}

export interface CoreNetwork {
  clientOptions: Pick<GreenCloudClientOptions, 'authSchemes' | 'log' | 'transport'>;
  /** Closes kept-alive sockets: at quit, and when the proxy setting changes. */
  closeIdle(): void;
}

export function createCoreNetwork(deps: CoreNetworkDeps): CoreNetwork {
  const { settings } = deps;
  const log = deps.log ?? ((line: string) => console.info(`[network] ${line}`));
  const pool = new ConnectionPool({ secureContext: createTrustContext(deps.systemCertificates) });
  const transport = createHttpTransport({
    pool,
    chooseProxy: createProxyResolver({
      manualProxy: () => settings.get().proxy,
      env: deps.env ?? process.env,
      system: deps.resolveProxy,
      loopbackDirect: !deps.proxyLoopback,
    }),
    proxyCredentials: new ProxyCredentials(deps.proxyVault, deps.askProxyCredential),
  });
  return {
    clientOptions: {
      transport,
      authSchemes: {
        get: (baseUrl) => settings.authScheme(baseUrl),
        set: (baseUrl, scheme) => settings.setAuthScheme(baseUrl, scheme),
      },
      log,
    },
    closeIdle: () => pool.closeIdle(),
  };
}
