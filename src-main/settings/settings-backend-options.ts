// How the settings file's backend (electron-store in the app, conf in scripts) is opened: one place,
// so that the soak and benchmarks read and write settings the way the app does.
//  - clearInvalidConfig: a file that is not even JSON would make the constructor throw and the app
//    fail to start; start from defaults instead (SettingsStore already drops bad values key by key).
//  - cache: every API request and every poll reads the settings (proxy, Authorization scheme, poll
//    interval). Without the cache each read is a readFileSync and a JSON parse of the whole file;
//    with it the store is parsed once per write, and SettingsStore keeps its own parse of it. The
//    app is the file's only writer (one instance per profile), so a read never misses a change.

/** The settings file is `settings.json` in the app's data folder. */
export const settingsFileName = 'settings';

export const settingsBackendBehaviour = {
  clearInvalidConfig: true,
  cache: true,
} as const;

/**
 * The temporary file electron-store's writer (the `atomically` package, through conf) writes beside
 * the settings file and renames over it: `settings.json.tmp-<10 digits><6 hex>`.
 */
export const settingsTempFile = /^[^/\\]+\.json\.tmp-\d{10}[0-9a-f]{6}$/;
