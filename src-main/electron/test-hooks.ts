// The environment variables the smoke tests (and developers) use to steer a run. A packaged build
// reads none of them: an installed app must not be redirected to another profile or update feed,
// or expose its internals, by whoever can set its environment.

export interface TestHooks {
  /** GREENCLOUD_USER_DATA_DIR: a throwaway profile (and single-instance lock) for this run. */
  userDataDir?: string;
  /** GREENCLOUD_SMOKE_TEST=1: leave the OS's greencloud:// registration alone, expose the probe. */
  smokeTest: boolean;
  /** GREENCLOUD_UPDATE_FEED_URL: an update feed to check although the app is not packaged. */
  updateFeedUrl?: string;
}

export function readTestHooks(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): TestHooks {
  if (isPackaged) return { smokeTest: false };
  return {
    smokeTest: env.GREENCLOUD_SMOKE_TEST === '1',
    ...(env.GREENCLOUD_USER_DATA_DIR ? { userDataDir: env.GREENCLOUD_USER_DATA_DIR } : {}),
    ...(env.GREENCLOUD_UPDATE_FEED_URL ? { updateFeedUrl: env.GREENCLOUD_UPDATE_FEED_URL } : {}),
  };
}
