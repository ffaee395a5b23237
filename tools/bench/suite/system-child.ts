// The subgraphs for the benchmark suite, in a process of their own: the embedded default in memory
// with `--institutions` registered (a quarter each primary, junior, kindergarten, vocational) and
// seats, places and programmes set. Prints one JSON line: subgraph URLs, institution ids, the
// embedded gateway (with its response cache) and where the SQL statements of a request are counted.
import { createServer } from 'node:http';
import { createActorSigner } from '@edugraph/auth';
import { createLogger } from '@edugraph/platform';
import type { ServiceModule } from '@edugraph/platform';
import { embeddedGatewayLimits, issueToken } from '@edugraph/gateway';
import { observeStatements } from '@edugraph/persistence';
import { graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../../start/embedded-system.ts';
import { SERVICE_MODULES } from '../../start/service-modules.ts';
import { importCatalogueFile } from '../../catalogue/import-catalogue.ts';

const count = Number(process.argv[2] ?? 500);
const actorKeys = { privateJwk: JSON.parse(process.env['BENCH_ACTOR_PRIVATE_KEY']!), publicJwk: JSON.parse(process.env['BENCH_ACTOR_PUBLIC_KEY']!) };
await createActorSigner(actorKeys.privateJwk); // fail early on a bad key
const jwtSecret = process.env['BENCH_JWT_SECRET']!;
// Statements per request id, per subgraph (the gateway passes its request id on to each subgraph).
const statements = new Map<string, Record<string, number>>();
const modules: ServiceModule[] = SERVICE_MODULES.map((module) => ({
  ...module,
  createService: (infra) => {
    observeStatements(infra.orm, ({ context }) => {
      const requestId = context['requestId'];
      if (typeof requestId !== 'string' || !requestId.startsWith('bench-sql-')) return;
      const counts = statements.get(requestId) ?? {};
      counts[module.name] = (counts[module.name] ?? 0) + 1;
      statements.set(requestId, counts);
    });
    return module.createService(infra);
  },
}));
const statementsServer = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(statements.get(decodeURIComponent(req.url!.slice(1))) ?? {}));
});
await new Promise<void>((resolve) => statementsServer.listen(0, '127.0.0.1', resolve));
const system = await startEmbeddedSystem({
  dataDir: ':memory:',
  gatewayPort: 0,
  metricsPort: 0,
  jwtSecret,
  actorKeys,
  modules,
  // A benchmark's one address must not run out of budget.
  gatewayLimits: { ...embeddedGatewayLimits, costPerMinute: Number.MAX_SAFE_INTEGER, ipCostPerMinute: Number.MAX_SAFE_INTEGER },
  logger: createLogger('bench', 'error'),
});
const staff = { authorization: `Bearer ${await issueToken(jwtSecret, { id: 'bench-staff', roles: ['BUREAU_STAFF'] })}` };
const LEVELS = ['PRIMARY', 'JUNIOR', 'PRESCHOOL', 'VOCATIONAL'] as const;
const REGISTER = 'mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }';
// Programmes are checked against the national catalogue: load its sample first.
await importCatalogueFile(system.gatewayUrl, staff, new URL('../../catalogue/national-catalogue.sample.csv', import.meta.url).pathname);
const ids: string[] = [];
for (let n = 0; n < count; n++) {
  const input = { name: `Bench School ${n}`, level: LEVELS[n % 4], ownership: n % 3 ? 'PUBLIC' : 'PRIVATE', districtCode: `D${String(n % 12).padStart(2, '0')}` };
  ids.push((await graphql<{ registerInstitution: { institution: { id: string } } }>(system.gatewayUrl, REGISTER, { input }, staff)).registerInstitution.institution.id);
}
const until = Date.now() + 60_000;
const retryUntilKnown = async (op: () => Promise<unknown>) => {
  for (;;) {
    try {
      return await op();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
};
for (const [n, institutionId] of ids.entries()) {
  const level = LEVELS[n % 4];
  if (level === 'PRIMARY' || level === 'JUNIOR') {
    for (const grade of level === 'PRIMARY' ? [1, 2, 3] : [7, 8]) {
      await retryUntilKnown(() => graphql(system.gatewayUrl, 'mutation($i: SetSeatCapacityInput!) { setSeatCapacity(input: $i) { seatPool { capacity } } }', { i: { institutionId, year: 2026, grade, capacity: 45 } }, staff));
    }
  } else if (level === 'PRESCHOOL') {
    await retryUntilKnown(() => graphql(system.gatewayUrl, 'mutation($i: SetKindergartenPlacesInput!) { setKindergartenPlaces(input: $i) { kindergarten { places } } }', { i: { institutionId, places: 120 } }, staff));
  } else {
    await retryUntilKnown(() => graphql(system.gatewayUrl, 'mutation($i: PublishProgrammeInput!) { publishProgramme(input: $i) { programme { id } } }', { i: { institutionId, code: '720201', name: '护理', lengthYears: 3, annualIntake: 80 } }, staff));
  }
}
const subgraphUrls = Object.fromEntries(system.services.map((s) => [s.name, s.url]));
const statementsUrl = `http://127.0.0.1:${(statementsServer.address() as { port: number }).port}/`;
console.log(JSON.stringify({ subgraphUrls, institutionIds: ids, gatewayUrl: system.gatewayUrl, statementsUrl }));
process.on('SIGTERM', () => void system.stop().then(() => process.exit(0)));
