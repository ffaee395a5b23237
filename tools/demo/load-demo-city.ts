import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { issueToken } from '@edugraph/gateway';
import { DEMO_CATALOGUE_YEAR, DEMO_INDUSTRIES, DEMO_INSTITUTIONS, DEMO_YEAR, GRADES } from './demo-city.ts';
import { importCatalogueFile } from '../catalogue/import-catalogue.ts';
import { GraphQLRequestError, graphql } from '@edugraph/testing';

const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;
const SET_SEATS = `mutation($input: SetSeatCapacityInput!) { setSeatCapacity(input: $input) { seatPool { capacity } } }`;
const SET_PLACES = `mutation($input: SetKindergartenPlacesInput!) { setKindergartenPlaces(input: $input) { kindergarten { places } } }`;
const PUBLISH = `mutation($input: PublishProgrammeInput!) { publishProgramme(input: $input) { programme { id } } }`;
const SET_INDUSTRIES = `mutation($industries: [IndustryInput!]!) { setIndustries(industries: $industries) { code } }`;
const SYNC = `mutation($schoolId: ID!, $snapshot: CatalogueSnapshotInput!) { syncCatalogue(schoolId: $schoolId, snapshot: $snapshot) { added { code } rejected { row message } } }`;
const RATE = `mutation($input: RateServiceInput!) { rateService(input: $input) { rating { id } } }`;

/**
 * Retries while the target service has not yet heard of the institution: the registry's event
 * reaches the other services asynchronously, a few hundred milliseconds after registration.
 */
const untilKnown = retry(
  handleWhen((error) => error instanceof GraphQLRequestError && error.code === 'NOT_FOUND'),
  { maxAttempts: 100, backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }) },
);
const whenKnown = <T>(op: () => Promise<T>): Promise<T> => untilKnown.execute(op);

/** Loads the demo city through the gateway's public API, once: skipped when institutions exist. */
export async function loadDemoCity(gatewayUrl: string, bureauToken: string, jwtSecret: string): Promise<{ loaded: boolean; institutions: number }> {
  const existing = await graphql<{ institutions: { totalCount: number } }>(gatewayUrl, '{ institutions(first: 1) { totalCount } }');
  if (existing.institutions.totalCount > 0) return { loaded: false, institutions: existing.institutions.totalCount };
  const staff = { authorization: `Bearer ${bureauToken}` };
  const parent = { authorization: `Bearer ${await issueToken(jwtSecret, { id: 'demo-parent', roles: ['PARENT'] })}` };
  // The national catalogue (its sample) and the city's industries come first: programmes are checked against them.
  await importCatalogueFile(gatewayUrl, staff, new URL('../catalogue/national-catalogue.sample.csv', import.meta.url).pathname);
  await graphql(gatewayUrl, SET_INDUSTRIES, { industries: DEMO_INDUSTRIES }, staff);
  const ids = new Map<string, string>();
  for (const i of DEMO_INSTITUTIONS) {
    const input = {
      name: i.name,
      level: i.level,
      ownership: i.ownership,
      districtCode: i.districtCode,
      ...(i.licenceNumber ? { licenceNumber: i.licenceNumber } : {}),
      ...(i.sponsorCreditCode ? { sponsorCreditCode: i.sponsorCreditCode } : {}),
    };
    const r = await graphql<{ registerInstitution: { institution: { id: string } } }>(gatewayUrl, REGISTER, { input }, staff);
    ids.set(i.key, r.registerInstitution.institution.id);
  }
  for (const i of DEMO_INSTITUTIONS) {
    const institutionId = ids.get(i.key)!;
    if (i.seatsPerGrade && (i.level === 'PRIMARY' || i.level === 'JUNIOR')) {
      for (const grade of GRADES[i.level]) {
        await whenKnown(() => graphql(gatewayUrl, SET_SEATS, { input: { institutionId, year: DEMO_YEAR, grade, capacity: i.seatsPerGrade } }, staff));
      }
    }
    if (i.places) await whenKnown(() => graphql(gatewayUrl, SET_PLACES, { input: { institutionId, places: i.places } }, staff));
    for (const p of i.programmes ?? []) await whenKnown(() => graphql(gatewayUrl, PUBLISH, { input: { institutionId, ...p } }, staff));
    if (i.catalogue) {
      // The school's own system would send this; its staff's token stands in for it.
      const schoolStaff = { authorization: `Bearer ${await issueToken(jwtSecret, { id: `demo-staff-${i.key}`, roles: ['INSTITUTION_STAFF'], institutionId })}` };
      const snapshot = { year: DEMO_CATALOGUE_YEAR, programmes: i.catalogue };
      const r = await whenKnown(() => graphql<{ syncCatalogue: { rejected: { row: number; message: string }[] } }>(gatewayUrl, SYNC, { schoolId: institutionId, snapshot }, schoolStaff));
      if (r.syncCatalogue.rejected.length > 0) throw new Error(`demo catalogue of ${i.name} refused: ${JSON.stringify(r.syncCatalogue.rejected)}`);
    }
    for (const [n, score] of (i.ratings ?? []).entries()) {
      const input = { institutionId, serviceItem: 'demo-service', matterId: `DEMO-${i.key}-${n + 1}`, score };
      await whenKnown(() => graphql(gatewayUrl, RATE, { input }, parent));
    }
  }
  return { loaded: true, institutions: DEMO_INSTITUTIONS.length };
}
