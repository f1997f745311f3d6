// What an updater failure means for the user, in words. Being offline is not a failure: the
// policy waits quietly for the next check. Everything else becomes one sentence that says what
// happened and that the app carries on; the raw error (URLs, paths, stack) is never shown.

import type { UpdateChannel } from '../common/bridge-contract';

export type UpdateProblem = { kind: 'offline' } | { kind: 'failed'; message: string };

const laterAgain = 'GreenCloud Desktop keeps working and will try again later.';

/** Node's socket errors and Chromium's net:: errors (electron-updater downloads through `net`). */
const offlineCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);
const offlineNetErrors =
  /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|NETWORK_CHANGED|NETWORK_IO_SUSPENDED|CONNECTION_(REFUSED|RESET|CLOSED|TIMED_OUT|FAILED)|ADDRESS_UNREACHABLE|TIMED_OUT|PROXY_CONNECTION_FAILED)\b/;

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

export function describeUpdateError(error: unknown, channel: UpdateChannel): UpdateProblem {
  const code = field(error, 'code');
  const message = String(field(error, 'message') ?? error);
  const status = field(error, 'statusCode');

  if ((typeof code === 'string' && offlineCodes.has(code)) || offlineNetErrors.test(message)) {
    return { kind: 'offline' };
  }
  switch (code) {
    case 'ERR_UPDATER_INVALID_SIGNATURE':
      return failed(
        'An update was found but it is not signed by GreenCloud, so it was not installed. ' +
          'Download GreenCloud Desktop from greencloud.dev if this keeps happening.',
      );
    case 'ERR_CHECKSUM_MISMATCH':
      return failed(`The update was damaged while downloading and was discarded. ${laterAgain}`);
    case 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND':
      return failed(
        channel === 'beta'
          ? 'There is no beta release to update to yet; you stay on this version.'
          : `The update server has no release information right now. ${laterAgain}`,
      );
    case 'ERR_UPDATER_INVALID_UPDATE_INFO':
    case 'ERR_UPDATER_INVALID_VERSION':
    case 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND':
    case 'ERR_UPDATER_NO_FILES_PROVIDED':
      return failed(
        `The update server sent release information that cannot be read. ${laterAgain}`,
      );
    case 'ENOSPC':
      return failed('There is not enough free disk space to download the update.');
  }
  // Squirrel.Mac refuses an update whose code signature does not match the running app's.
  if (/code signature|did not pass validation|not signed/i.test(message)) {
    return failed(
      'An update was found but its signature could not be verified, so it was not installed.',
    );
  }
  if (typeof status === 'number' && status >= 500) {
    return failed(`The update server is having trouble (HTTP ${status}). ${laterAgain}`);
  }
  if (typeof status === 'number' && status >= 400) {
    return failed(`The update server refused the request (HTTP ${status}). ${laterAgain}`);
  }
  return failed(`GreenCloud Desktop could not get the update. ${laterAgain}`);
}

function failed(message: string): UpdateProblem {
  return { kind: 'failed', message };
}
