// `npm start`: the whole system in one process on the embedded default, with demo data on first start.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createLogger, onShutdownSignal } from '@edugraph/platform';
import { startEmbeddedSystem } from './embedded-system.ts';
import { demoTokens, loadDemo } from '../demo/load-demo.ts';
import { demoCatalogueSyncKey } from '../demo/catalogue-sync-key.demo.ts';
import type { ApiKey } from '@edugraph/gateway';

const startedAt = performance.now();
const dataDir = process.env['EDUGRAPH_DATA_DIR'] ?? '.data';
mkdirSync(dataDir, { recursive: true });
// A secret kept beside the data, so tokens printed at one start still work after a restart.
const secretFile = `${dataDir}/dev-jwt-secret`;
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
const jwtSecret = process.env['EDUGRAPH_JWT_SECRET'] ?? readFileSync(secretFile, 'utf8').trim();

const logger = createLogger('edugraph', process.env['LOG_LEVEL'] ?? 'warn');
const metricsPort = process.env['METRICS_PORT'] ? Number(process.env['METRICS_PORT']) : undefined;
// The gateway reads this list on every request: the demo school's key joins it once the school exists.
const apiKeys: ApiKey[] = [];
const system = await startEmbeddedSystem({ dataDir, jwtSecret, apiKeys, gatewayPort: Number(process.env['PORT'] ?? 4000), ...(metricsPort === undefined ? {} : { metricsPort }), logger });
onShutdownSignal(logger, system.stop);

// The demo's use cases write on the services' own databases; their relays then send the events.
const inProcess = (name: string) => {
  const service = system.services.find((s) => s.name === name)!;
  return async () => ({ orm: service.orm, close: async () => service.relay.nudge() });
};
const demo = await loadDemo(system.gatewayUrl, jwtSecret, { licensing: inProcess('licensing'), enrollment: inProcess('enrollment'), preschool: inProcess('preschool'), feedback: inProcess('feedback') }, system.piiKeys);
const tokens = await demoTokens(jwtSecret);
const syncKey = await demoCatalogueSyncKey(system.gatewayUrl, jwtSecret);
if (syncKey) apiKeys.push(syncKey.apiKey);
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
console.log(`
EduGraph is running (embedded default: SQLite files in ${dataDir}/, in-process events, in-memory cache).

  GraphQL gateway:  ${system.gatewayUrl}
  Open data:        ${system.gatewayUrl.replace(/\/graphql$/, '/open-data/programmes.jsonld')}
  Open311:          ${system.gatewayUrl.replace(/\/graphql$/, '/open311/v2/discovery.json')}
  Metrics:          ${system.metricsUrl}/metrics/<gateway|enrollment|preschool|licensing|vocational|feedback>
  Demo data:        ${demo}
  Started in:       ${seconds} s

  Tokens (12 h), send as "Authorization: Bearer <token>":
  bureau staff:    ${tokens.bureauStaff}
  school sponsor:  ${tokens.sponsor}
${
  syncKey
    ? `
  The vocational centre's catalogue sync (API key, send as "x-api-key"; try the files in tools/samples/):
  EDUGRAPH_API_KEY=${syncKey.apiKey.key} npx edugraph-sync --school ${syncKey.schoolId} --file tools/samples/catalogue-2026-changed.csv --dry-run
`
    : ''
}
Stop with Ctrl+C.`);
