import type { MikroORM } from '@mikro-orm/core';
import { issueToken } from '@edugraph/gateway';
import { DEMO_SPONSOR } from './demo-city.ts';
import { loadDemoCity } from './load-demo-city.ts';
import { loadDemoMatters } from './licensing-matters.demo.ts';
import { loadProjectsAndTrainings } from './licensing-projects.demo.ts';
import { loadDemoRound } from './enrollment-round.demo.ts';
import { loadDemoPreschool } from './preschool.demo.ts';
import { loadDemoFeedback } from './feedback.demo.ts';
import { loadDemoMeasures } from './measures.demo.ts';
import { loadDemoDecisions } from './decisions.demo.ts';
import { loadDemoStandards } from './standards.demo.ts';
import { loadDemoPolicies } from './policies.demo.ts';

/** A service's database opened for the demo's use cases, closed after. */
export type DemoDatabase = () => Promise<{ orm: MikroORM; close(): Promise<void> }>;

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
 * The whole demo, each part once: the city, school projects and sponsor trainings through the
 * gateway, then licensing matters in every state and the 2026 admissions round (written by the
 * services’ own use cases on their databases: clocks and rounds need past days), and the
 * kindergartens' coverage, subsidies, projects and cases.
 * Returns a line for the start banner.
 */
export async function loadDemo(gatewayUrl: string, jwtSecret: string, databases: { licensing: DemoDatabase; enrollment: DemoDatabase; preschool: DemoDatabase; feedback: DemoDatabase }, piiKeys: string): Promise<string> {
  const tokens = await demoTokens(jwtSecret);
  const city = await loadDemoCity(gatewayUrl, tokens.bureauStaff, jwtSecret);
  const projects = await loadProjectsAndTrainings(gatewayUrl, { staff: { authorization: `Bearer ${tokens.bureauStaff}` }, sponsor: { authorization: `Bearer ${tokens.sponsor}` } });
  // Last: the long writes on the services' databases, with no gateway call after them.
  const database = await databases.licensing();
  const matters = await loadDemoMatters(database.orm).finally(() => database.close());
  const admissions = await databases.enrollment();
  const round = await loadDemoRound(admissions.orm, piiKeys).finally(() => admissions.close());
  const kindergartens = await databases.preschool();
  const preschool = await loadDemoPreschool(kindergartens.orm).finally(() => kindergartens.close());
  // Last of all: the ratings of what the others completed (their invitations arrive as events).
  const evaluations = await databases.feedback();
  const supervision = await (async () => {
    const feedback = await loadDemoFeedback(evaluations.orm);
    const measures = await loadDemoMeasures(evaluations.orm);
    const decisions = await loadDemoDecisions(evaluations.orm);
    const standards = await loadDemoStandards(evaluations.orm);
    const policies = await loadDemoPolicies(evaluations.orm);
    return { feedback, measures, decisions, standards, policies };
  })().finally(() => evaluations.close());
  const { feedback, measures, decisions, standards, policies } = supervision;
  const loaded = city.loaded || matters.loaded || round.loaded || preschool.loaded || feedback.loaded || measures.loaded || decisions.loaded || standards.loaded || policies.loaded;
  return (
    `${loaded ? 'loaded' : 'already there'} (${city.institutions} institutions, ${round.applications} school applications, ${matters.matters} licensing matters, ` +
    `${preschool.projects} kindergarten projects, ${preschool.cases} unlicensed-kindergarten cases, ${projects.projects} school projects, ${projects.trainings} trainings, ` +
    `${feedback.ratings} ratings with ${feedback.badReviews} bad reviews, ${feedback.reports} reports, ${measures.measures} measures, ${decisions.decisions} major decisions, ` +
    `${standards.standards} service standards, ${policies.policies} policies)`
  );
}
