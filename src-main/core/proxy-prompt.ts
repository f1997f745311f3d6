// Asks the window for an authenticating proxy's user name and password: an event goes out with a
// question id, the answer comes back through the answerProxyCredentials bridge call. The password
// travels only from the window to here and on to the keychain; it is never part of any event.

import { randomUUID } from 'node:crypto';
import type { ProxyCredential, ProxyCredentialRequest } from '../network/proxy-credentials';

export interface ProxyQuestion {
  id: string;
  proxy: string;
  wrong: boolean;
}

/** Nobody answering (no window open) must not hold requests for ever. */
const answerWithinMs = 5 * 60_000;

export class ProxyPrompt {
  readonly #waiting = new Map<string, (answer: ProxyCredential | undefined) => void>();
  readonly #show: (question: ProxyQuestion) => void;

  constructor(show: (question: ProxyQuestion) => void) {
    this.#show = show;
  }

  ask = (request: ProxyCredentialRequest): Promise<ProxyCredential | undefined> =>
    new Promise((resolve) => {
      const id = randomUUID();
      const timer = setTimeout(() => this.answer(id, undefined), answerWithinMs);
      this.#waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.#show({ id, proxy: request.proxy, wrong: request.wrong });
    });

  /** The window's answer; undefined (or an empty user name) means cancelled. Unknown ids are ignored. */
  answer(id: string, credential: ProxyCredential | undefined): void {
    const settle = this.#waiting.get(id);
    if (!settle) return;
    this.#waiting.delete(id);
    settle(credential && credential.username !== '' ? credential : undefined);
  }

  /** Quit: every open question is cancelled. */
  cancelAll(): void {
    for (const id of [...this.#waiting.keys()]) this.answer(id, undefined);
  }
}
