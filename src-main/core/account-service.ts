// Keeps the last good account and when it was fetched, so a failed refresh never blanks the
// screen: the views get the last known data marked stale, with the reason. The API key stays
// here; views get a masked form and ask for the real key only to reveal or copy it.

import type { Account } from '../common/api-schemas';
import { AppError, toAppErrorData } from '../common/app-error';
import type { AccountSnapshot, AccountView } from '../common/bridge-contract';
import type { GreenCloudClient } from '../api/greencloud-client';

type Listener = (snapshot: AccountSnapshot | null) => void;

export function maskApiKey(apiKey: string): string {
  // Shows only the last block, enough to tell keys apart: ••••••••-••••-••••-••••-••••••••5f13
  const tail = apiKey.slice(-4);
  return apiKey.slice(0, -4).replace(/[^-]/g, '•') + tail;
}

function toView(account: Account): AccountView {
  const { apiKey, ...rest } = account;
  return apiKey === undefined ? rest : { ...rest, apiKeyMasked: maskApiKey(apiKey) };
}

export class AccountService {
  private account: Account | undefined;
  private snapshot: AccountSnapshot | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly client: () => GreenCloudClient,
    private readonly now: () => number = Date.now,
  ) {}

  current(): AccountSnapshot | null {
    return this.snapshot;
  }

  /** The last account fetched, API key included: main-process use only. */
  latest(): Account | undefined {
    return this.account;
  }

  apiKey(): string {
    const key = this.account?.apiKey;
    if (key === undefined) {
      throw new AppError({
        kind: 'unexpected-response',
        message: 'This account has no API key to show.',
      });
    }
    return key;
  }

  /** GET /user. On failure the last snapshot is kept, marked stale, and the error rethrown. */
  async fetch(): Promise<Account> {
    try {
      const account = await this.client().getAccount();
      this.account = account;
      this.publish({ account: toView(account), fetchedAt: this.now(), stale: false });
      return account;
    } catch (error) {
      if (this.snapshot)
        this.publish({ ...this.snapshot, stale: true, lastError: toAppErrorData(error) });
      throw error;
    }
  }

  /** For the views: the fresh snapshot, or the last known one marked stale when the fetch fails. */
  async refresh(): Promise<AccountSnapshot> {
    try {
      await this.fetch();
    } catch (error) {
      if (!this.snapshot || (error instanceof AppError && error.kind === 'needs-login'))
        throw error;
    }
    return this.snapshot!;
  }

  clear(): void {
    this.account = undefined;
    this.publish(null);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(snapshot: AccountSnapshot | null): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}
