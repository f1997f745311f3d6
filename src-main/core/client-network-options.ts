// What every GreenCloudClient the core makes shares about the network: the Authorization scheme
// each endpoint accepted (kept in settings) and where decisions are logged.

import type { GreenCloudClientOptions } from '../api/greencloud-client';
import type { SettingsStore } from '../settings/settings-store';

export function clientNetworkOptions(
  settings: SettingsStore,
  log: (line: string) => void = (line) => console.info(`[network] ${line}`),
): Pick<GreenCloudClientOptions, 'authSchemes' | 'log'> {
  return {
    authSchemes: {
      get: (baseUrl) => settings.authScheme(baseUrl),
      set: (baseUrl, scheme) => settings.setAuthScheme(baseUrl, scheme),
    },
    log,
  };
}
