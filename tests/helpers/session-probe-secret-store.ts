// Run as a child process by the secret-store tests: opens the secret store the way the app does and
// prints where tokens would live, so the test can run it with no Secret Service in its environment.

import { loadKeytar } from '../../src-main/session/load-keytar';
import { openSecretStore } from '../../src-main/session/open-secret-store';

const { tokenStorage } = await openSecretStore(loadKeytar, { probeTimeoutMs: 8_000 });
process.stdout.write(`${JSON.stringify(tokenStorage)}\n`);
// keytar may leave a libsecret thread waiting on a bus that never answers.
process.exit(0);
