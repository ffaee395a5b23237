import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, supergraphPath } from './compose-supergraph.ts';

describe('supergraph', () => {
  it('composes without errors and matches the committed file', () => {
    const result = composeSupergraph();
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(readFileSync(supergraphPath, 'utf8')).toBe(result.sdl);
  });
});
