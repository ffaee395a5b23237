import { describe, expect, it } from 'vitest';
import { upstreamPath } from './rest-proxy.ts';

describe('upstreamPath: the REST path a subgraph is asked for', () => {
  it('keeps a plain path and its query', () => {
    expect(upstreamPath('/open311/', '/open311/v2/requests.json?status=open&start_date=2026-11-01T00:00:00%2B08:00')).toBe('/open311/v2/requests.json?status=open&start_date=2026-11-01T00:00:00%2B08:00');
    expect(upstreamPath('/open-data/', '/open-data/programmes.jsonld')).toBe('/open-data/programmes.jsonld');
  });
  it.each([
    '/open311/../graphql',
    '/open311/%2e%2e/graphql',
    '/open311/%2E%2E/health/ready',
    '/open311/v2/..%2fgraphql',
    '/open311/v2//requests.json',
    '/open311/v2\\..\\graphql',
    '/open311/./v2/services.json',
    '/open-data/programmes.jsonld?x=<script>',
    '/graphql',
  ])('refuses %s, which could leave its prefix', (url) => {
    expect(upstreamPath(url.startsWith('/open-data/') ? '/open-data/' : '/open311/', url)).toBeNull();
  });
});
