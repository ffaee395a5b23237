import type { CachedFamily } from '@edugraph/cache';
import type { EventHandler } from '@edugraph/events';

/**
 * The registry's own events invalidate the cached public list. It runs as a consumer (not inside
 * the write) so every replica's writes, and any future registry event, refresh the shared cache.
 * It never fails the event: an invalidation Redis cannot take now is owed by the family, which
 * reads from the database and retries it until Redis answers (see CachedFamily).
 */
export function registryChangedHandler(listCache: CachedFamily): EventHandler {
  return async () => {
    await listCache.invalidate();
  };
}
