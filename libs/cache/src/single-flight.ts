/**
 * One load per key at a time: a caller asking for a key that is already loading shares that
 * load's result (or failure) instead of starting another, so a burst of misses for one key costs
 * one database read.
 */
export class SingleFlight {
  private readonly loading = new Map<string, Promise<unknown>>();

  run<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running as Promise<T>;
    const started = Promise.resolve()
      .then(load)
      .finally(() => this.loading.delete(key));
    this.loading.set(key, started);
    return started;
  }
}
