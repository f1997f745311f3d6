// A component whose code is in another chunk, fetched on first use (or ahead, when the window is idle)
// and kept for the window's life. Its state tells LazyView what to draw: a placeholder, the
// component, or the failure with a way to try again.

import type { Component } from 'svelte';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint Svelte's Component uses
export class LazyComponent<Props extends Record<string, any> = Record<string, never>> {
  readonly #load: () => Promise<Component<Props>>;
  #pending: Promise<void> | undefined;
  #component = $state.raw<Component<Props> | undefined>();
  #failed = $state(false);

  constructor(load: () => Promise<Component<Props>>) {
    this.#load = load;
  }

  /** Undefined until the chunk has arrived; then the same component on every visit. */
  get component(): Component<Props> | undefined {
    return this.#component;
  }
  get failed(): boolean {
    return this.#failed;
  }

  /** Starts the fetch once; every caller shares it. After a failure, the next call tries again. */
  load(): Promise<void> {
    if (this.#pending) return this.#pending;
    this.#failed = false;
    this.#pending = this.#load().then(
      (component) => {
        this.#component = component;
      },
      () => {
        this.#failed = true;
        this.#pending = undefined;
      },
    );
    return this.#pending;
  }
}
