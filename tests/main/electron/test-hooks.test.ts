import { describe, expect, it } from 'vitest';
import { readTestHooks } from '../../../src-main/electron/test-hooks';

const env = {
  GREENCLOUD_SMOKE_TEST: '1',
  GREENCLOUD_USER_DATA_DIR: '/tmp/greencloud-smoke-x',
  GREENCLOUD_UPDATE_FEED_URL: 'http://127.0.0.1:4999/feed',
};

describe('readTestHooks', () => {
  it('reads every hook in a development run', () => {
    expect(readTestHooks(env, false)).toEqual({
      smokeTest: true,
      userDataDir: '/tmp/greencloud-smoke-x',
      updateFeedUrl: 'http://127.0.0.1:4999/feed',
    });
    expect(readTestHooks({}, false)).toEqual({ smokeTest: false });
    expect(readTestHooks({ GREENCLOUD_SMOKE_TEST: 'yes' }, false).smokeTest).toBe(false);
  });

  it('reads none of them in a packaged build', () => {
    expect(readTestHooks(env, true)).toEqual({ smokeTest: false });
  });
});
