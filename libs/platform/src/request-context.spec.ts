import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import { createLoaderRegistry } from './request-context.ts';

describe('the per-request loader registry', () => {
  const em = {} as EntityManager;
  const made: EntityManager[] = [];
  const countingLoader = (forEm: EntityManager) => {
    made.push(forEm);
    return { made: made.length };
  };

  it('makes each loader once per request, over that request’s entity manager, and a new one for the next request', () => {
    const request = createLoaderRegistry(em);
    const first = request.get(countingLoader);
    expect(request.get(countingLoader)).toBe(first);
    expect(made).toEqual([em]);
    const next = createLoaderRegistry(em).get(countingLoader);
    expect(next).not.toBe(first);
    expect(made).toHaveLength(2);
  });
});
