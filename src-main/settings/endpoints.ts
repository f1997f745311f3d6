// Which API the app talks to: GreenCloud itself, a custom URL (staging, a self-run sandbox), or
// the embedded sandbox ("Try the sandbox").

import type { AppSettings, Endpoint } from '../common/bridge-contract';

export const greencloudApiBaseUrl = 'https://api.greencloud.dev/v1';

export function endpointFromSettings(settings: AppSettings): Endpoint {
  const { kind, customUrl } = settings.endpoint;
  if (kind === 'custom' && customUrl)
    return { kind: 'custom', baseUrl: customUrl.replace(/\/+$/, '') };
  return { kind: 'greencloud', baseUrl: greencloudApiBaseUrl };
}
