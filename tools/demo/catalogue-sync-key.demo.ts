import { createHmac } from 'node:crypto';
import type { ApiKey } from '@edugraph/gateway';
import { graphql } from '@edugraph/testing';

export const DEMO_CATALOGUE_SCHOOL = '市职业教育中心';

/**
 * The API key the demo's vocational centre syncs its catalogue with: derived from the system's
 * secret, so the key printed at one start still works after a restart, and scoped to that school only.
 */
export async function demoCatalogueSyncKey(gatewayUrl: string, jwtSecret: string): Promise<{ schoolId: string; apiKey: ApiKey } | null> {
  const answer = await graphql<{ institutions: { nodes: { id: string; name: string }[] } }>(gatewayUrl, '{ institutions(first: 100, level: VOCATIONAL) { nodes { id name } } }');
  const school = answer.institutions.nodes.find((n) => n.name === DEMO_CATALOGUE_SCHOOL);
  if (!school) return null;
  const key = createHmac('sha256', jwtSecret).update(`demo catalogue sync key for ${school.id}`).digest('base64url');
  return { schoolId: school.id, apiKey: { name: 'demo-vocational-centre', key, roles: ['CITY_SYSTEM'], scopes: [`catalogue:sync@${school.id}`] } };
}
