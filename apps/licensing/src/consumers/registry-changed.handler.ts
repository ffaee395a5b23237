import type { CachedFamily } from '@edugraph/cache';
import type { EventHandler } from '@edugraph/events';

/**
 * The registry's own events invalidate the cached public list. It runs as a consumer (not inside
 * the write) so every replica's writes, and any future registry event, refresh the shared cache.
 */
export function registryChangedHandler(listCache: CachedFamily): EventHandler {
  return async () => {
    await listCache.invalidate();
  };
}
