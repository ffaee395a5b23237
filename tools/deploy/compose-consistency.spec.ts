import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_PORTS, loadServiceConfig, serviceConfigSchema } from '@edugraph/platform';
import { SERVICES } from '@edugraph/contracts';
import { createActorSigner, createActorVerifier } from '@edugraph/auth';
import { bureauStaff } from '@edugraph/testing';
import { gatewayConfigSchema, loadGatewayConfig } from '@edugraph/gateway';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string | number>; build?: { dockerfile: string } }>;
};

/** Compose interpolation as a user without overrides gets it: `${VAR:-default}` → default. */
function environmentOf(name: string): NodeJS.ProcessEnv {
  const env = compose.services[name]?.environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));
}

describe('docker-compose.yml agrees with what the apps read', () => {
  it.each(SERVICES)('%s: its environment passes the service’s own config loader and its command starts it', (name) => {
    const config = loadServiceConfig(name, environmentOf(name));
    expect(config.port).toBe(DEFAULT_PORTS[name]);
    expect(config.databaseUrl).toMatch(new RegExp(`^postgres://.+/${name}$`));
    expect(compose.services[name]!.command).toEqual(['node', `apps/${name}/src/main.ts`]);
    expect(readFileSync(`${root}deploy/postgres/init.sql`, 'utf8')).toContain(`CREATE DATABASE ${name};`);
  });

  it('gateway: its config loads, points at each service by its compose name and port, and signs with the key the services trust', async () => {
    const config = loadGatewayConfig(environmentOf('gateway'));
    for (const name of SERVICES) expect(config.subgraphUrls[name]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
    const signer = await createActorSigner(config.actorPrivateKey);
    for (const name of SERVICES) {
      const token = await signer.sign(bureauStaff, name, '{}');
      expect(await createActorVerifier(loadServiceConfig(name, environmentOf(name)).actorPublicKeys, name).verify(token, '{}')).toMatchObject({ ok: true });
      expect(environmentOf(name)['EDUGRAPH_ACTOR_PRIVATE_KEY']).toBeUndefined();
    }
  });

  it('builds every app from the Dockerfile that exists', () => {
    for (const name of [...SERVICES, 'gateway']) expect(compose.services[name]!.build!.dockerfile).toBe('deploy/Dockerfile');
    expect(readFileSync(`${root}deploy/Dockerfile`, 'utf8')).toMatch(/npm ci --omit=dev/);
  });

  it('.env.example lists every variable the services and the gateway read', () => {
    const example = readFileSync(`${root}.env.example`, 'utf8');
    const keys = [...Object.keys(serviceConfigSchema.shape), ...Object.keys(gatewayConfigSchema.shape)];
    expect(keys.filter((k) => !new RegExp(`^${k}=`, 'm').test(example))).toEqual([]);
  });
});
