// Which screen is showing. Signed-out screens and signed-in views share one small router so a deep
// link (`navigate` from main) lands on the right one whichever side the user is on.

import type { AppViewName } from '../../src-main/common/app-views';
import type { NavigationRequest } from '../../src-main/common/bridge-contract';

export type SignedOutView = 'sign-in' | 'forgot-password' | 'set-password';
/** There is no Flags view: the low-quota switch lives under Settings → Notifications and
 * auto-renewal on the Billing page (no navigation request can name a Flags view). */
export type SignedInView = AppViewName | 'set-password' | 'about';

export class Router {
  #signedOutView = $state<SignedOutView>('sign-in');
  #signedInView = $state<SignedInView>('account');
  /** The reset code from a deep link or typed by the user, for the Set Password screen. */
  #resetCode = $state('');
  /** Bumped on every navigation so views can move focus to their heading. */
  #visits = $state(0);

  get signedOutView(): SignedOutView {
    return this.#signedOutView;
  }
  get signedInView(): SignedInView {
    return this.#signedInView;
  }
  get resetCode(): string {
    return this.#resetCode;
  }
  get visits(): number {
    return this.#visits;
  }

  showSignedOut(view: SignedOutView): void {
    this.#signedOutView = view;
    this.#visits++;
  }

  show(view: SignedInView): void {
    this.#signedInView = view;
    this.#visits++;
  }

  setResetCode(code: string): void {
    this.#resetCode = code;
  }

  /** A request from main: a deep link or a notification click. */
  handle(request: NavigationRequest, signedIn: boolean): void {
    if (request.view === 'set-password') {
      this.#resetCode = request.code;
      if (signedIn) this.show('set-password');
      else this.showSignedOut('set-password');
      return;
    }
    const view: SignedInView =
      request.view === 'show'
        ? request.target
        : request.view === 'buy-refill'
          ? 'billing'
          : 'account';
    // Signed out (a notification clicked after the session ended): that view opens after sign-in.
    if (signedIn) this.show(view);
    else this.#signedInView = view;
  }

  /** After sign-out the next person starts at Sign in, not on the last person's view. */
  reset(): void {
    this.#signedOutView = 'sign-in';
    this.#signedInView = 'account';
  }
}
