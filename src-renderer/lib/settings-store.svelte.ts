// The app's local settings and facts about the app itself (version, platform limits).

import type {
  AppInfo,
  AppSettings,
  GreenCloudBridge,
  SettingsPatch,
} from '../../src-main/common/bridge-contract';
import { settle, type AppErrorData } from './bridge';

export class SettingsStore {
  readonly #bridge: GreenCloudBridge;
  #settings = $state<AppSettings | null>(null);
  #info = $state<AppInfo | null>(null);
  #error = $state<AppErrorData | null>(null);
  #loading = $state(false);

  constructor(bridge: GreenCloudBridge) {
    this.#bridge = bridge;
  }

  get settings(): AppSettings | null {
    return this.#settings;
  }
  get info(): AppInfo | null {
    return this.#info;
  }
  get error(): AppErrorData | null {
    return this.#error;
  }
  get loading(): boolean {
    return this.#loading;
  }

  async load(): Promise<void> {
    this.#loading = true;
    this.#error = null;
    const [settings, info] = await Promise.all([
      settle(() => this.#bridge.getSettings()),
      settle(() => this.#bridge.getAppInfo()),
    ]);
    this.#loading = false;
    if (settings.ok) this.#settings = settings.value;
    else this.#error = settings.error;
    if (info.ok) this.#info = info.value;
  }

  async update(patch: SettingsPatch) {
    const result = await settle(() => this.#bridge.updateSettings(patch));
    if (result.ok) this.#settings = result.value;
    return result;
  }
}
