import type { MikroORM } from '@mikro-orm/core';
import { issueToken } from '@edugraph/gateway';
import { DEMO_SPONSOR } from './demo-city.ts';
import { loadDemoCity } from './load-demo-city.ts';
import { loadDemoMatters } from './licensing-matters.demo.ts';
import { loadProjectsAndTrainings } from './licensing-projects.demo.ts';

export interface DemoTokens {
  bureauStaff: string;
  sponsor: string;
}

/** Demo tokens (12 h) for the people who try the system: bureau staff and the demo school sponsor. */
export async function demoTokens(jwtSecret: string): Promise<DemoTokens> {
  return {
    bureauStaff: await issueToken(jwtSecret, { id: 'demo-bureau-staff', roles: ['BUREAU_STAFF'], office: 'BASIC_EDUCATION' }),
    sponsor: await issueToken(jwtSecret, { id: 'demo-sponsor', roles: ['MARKET_ENTITY'], creditCode: DEMO_SPONSOR.creditCode }),
  };
}

/**
 * The whole demo, each part once: the city through the gateway, then licensing matters in every
 * state (written by licensing's own use cases on its database: their clocks need past days), then
 * school projects and sponsor trainings through the gateway. Returns a line for the start banner.
 */
export async function loadDemo(gatewayUrl: string, jwtSecret: string, licensingOrm: () => Promise<{ orm: MikroORM; close(): Promise<void> }>): Promise<string> {
  const tokens = await demoTokens(jwtSecret);
  const city = await loadDemoCity(gatewayUrl, tokens.bureauStaff, jwtSecret);
  const database = await licensingOrm();
  const matters = await loadDemoMatters(database.orm).finally(() => database.close());
  const projects = await loadProjectsAndTrainings(gatewayUrl, { staff: { authorization: `Bearer ${tokens.bureauStaff}` }, sponsor: { authorization: `Bearer ${tokens.sponsor}` } });
  const loaded = city.loaded || matters.loaded;
  return `${loaded ? 'loaded' : 'already there'} (${city.institutions} institutions, ${matters.matters} licensing matters, ${projects.projects} school projects, ${projects.trainings} trainings)`;
}
