import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueToken } from '@edugraph/gateway';
import { createLogger } from '@edugraph/platform';
import { graphql } from '@edugraph/testing';
import { startEmbeddedSystem } from '../tools/start/embedded-system.ts';
import { loadDemoCity } from '../tools/demo/load-demo-city.ts';
import { CITY_QUESTION } from './city-question.ts';
import type { CityAnswer } from './city-question.ts';

const JWT_SECRET = 'embedded-restart-jwt-secret-0123456789ab';
const dataDir = mkdtempSync(join(tmpdir(), 'edugraph-restart-'));

describe('the embedded default across a restart', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its SQLite data, loads the demo city only once, and answers the same', async () => {
    const start = () => startEmbeddedSystem({ dataDir, gatewayPort: 0, jwtSecret: JWT_SECRET, logger: createLogger('e2e', 'silent') });
    const token = await issueToken(JWT_SECRET, { id: 'e2e-staff', roles: ['BUREAU_STAFF'] });

    const first = await start();
    expect(await loadDemoCity(first.gatewayUrl, token, JWT_SECRET)).toEqual({ loaded: true, institutions: 20 });
    const before = await graphql<CityAnswer>(first.gatewayUrl, CITY_QUESTION);
    await first.stop();

    const second = await start();
    try {
      expect(await loadDemoCity(second.gatewayUrl, token, JWT_SECRET)).toEqual({ loaded: false, institutions: 20 });
      expect(await graphql<CityAnswer>(second.gatewayUrl, CITY_QUESTION)).toEqual(before);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
