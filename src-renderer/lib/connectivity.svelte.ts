// Whether the system says it is online. Main decides what is stale; this only adds the browser's
// own signal so the views can say "offline" at once instead of after the next failed poll.

export class Connectivity {
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

  get online(): boolean {
    return this.#online;
  }

  /** Starts listening; returns the function that stops. */
  watch(target: Window): () => void {
    const update = () => {
      this.#online = target.navigator.onLine;
    };
    target.addEventListener('online', update);
    target.addEventListener('offline', update);
    return () => {
      target.removeEventListener('online', update);
      target.removeEventListener('offline', update);
    };
  }
}
