import { describe, expect, it, vi } from 'vitest';
import type * as Contracts from '@edugraph/contracts';

// A sixth service in the one list reaches every place that needs the list of services.
vi.mock('@edugraph/contracts', async (importOriginal) => {
  const contracts = await importOriginal<typeof Contracts>();
  return { ...contracts, SERVICES: [...contracts.SERVICES, 'admissions'] };
});

const { DEFAULT_PORTS } = await import('@edugraph/platform');
const { SUBGRAPH_NAMES, gatewayConfigSchema, loadGatewayConfig } = await import('@edugraph/gateway');
const { SUBGRAPHS } = await import('../supergraph/compose-supergraph.ts');

describe('the list of services lives in @edugraph/contracts only', () => {
  it('gives the next service its default port, a subgraph at the gateway with its URL variable, and a place in the composition', () => {
    expect(DEFAULT_PORTS).toMatchObject({ gateway: 4000, enrollment: 4001, feedback: 4005, admissions: 4006 });
    expect(SUBGRAPH_NAMES).toContain('admissions');
    expect(Object.keys(gatewayConfigSchema.shape)).toContain('ADMISSIONS_URL');
    const config = loadGatewayConfig({ EDUGRAPH_ACTOR_PRIVATE_KEY: '{}', EDUGRAPH_JWT_SECRET: 'x'.repeat(32), ADMISSIONS_URL: 'http://admissions:4006/graphql' });
    expect(config.subgraphUrls).toMatchObject({ admissions: 'http://admissions:4006/graphql', licensing: 'http://127.0.0.1:4003/graphql' });
    expect(SUBGRAPHS.at(-1)).toEqual({ name: 'admissions', port: 4006 });
  });
});
