// One gateway of the benchmark suite in a process of its own, so its CPU time is its own:
//   node gateway-child.ts <edugraph|apollo-stock|hive|hive-merging>
// Every variant calls the subgraphs with the actor token they require (signed per call, as
// EduGraph's gateway does), so they all do the same work. Prints one JSON line: the GraphQL URL.
// GET /__cpu on the same port answers the process's CPU time in ms.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ACTOR_TOKEN_HEADER, ANONYMOUS, createActorSigner } from '@edugraph/auth';
import { createLogger } from '@edugraph/platform';
import { embeddedGatewayLimits, startGateway } from '@edugraph/gateway';

const kind = process.argv[2]!;
const subgraphUrls = JSON.parse(process.env['BENCH_SUBGRAPH_URLS']!) as Record<string, string>;
const privateKey = process.env['BENCH_ACTOR_PRIVATE_KEY']!;
const signer = await createActorSigner(privateKey);
// The supergraph names the default ports; point it at where the benchmark's subgraphs listen.
const supergraphSdl = readFileSync(new URL('../../../apps/gateway/supergraph.graphql', import.meta.url), 'utf8').replace(
  /@join__graph\(name: "([a-z-]+)", url: "[^"]*"\)/g,
  (_match, name: string) => `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`,
);
const nameOfUrl = new Map(Object.entries(subgraphUrls).map(([name, url]) => [url, name]));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const withCpu = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
  createServer((req, res) => (req.url === '/__cpu' ? res.end(JSON.stringify({ cpuMs: cpuMs() })) : handler(req, res)));
async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

let url: string;
if (kind === 'edugraph') {
  const gateway = await startGateway(
    {
      host: '127.0.0.1',
      port: 0,
      metrics: null,
      actorPrivateKey: privateKey,
      jwtSecret: process.env['BENCH_JWT_SECRET']!,
      jwtAudience: 'edugraph',
      apiKeys: [],
      redisUrl: undefined,
      keyPrefix: '',
      responseCache: { maxMiB: 0, ttlSeconds: 1 },
      subgraphUrls,
      trustProxy: 'loopback',
      // Production limits, with rate budgets a benchmark's one address cannot exhaust.
      limits: { ...embeddedGatewayLimits, costPerMinute: Number.MAX_SAFE_INTEGER, ipCostPerMinute: Number.MAX_SAFE_INTEGER },
      subgraphTimeoutMs: 5_000,
      introspection: true,
      logLevel: 'error',
    },
    createLogger('bench-gateway', 'error'),
  );
  // The gateway's own server cannot host /__cpu; a side port does.
  const side = withCpu((_req, res) => res.writeHead(404).end());
  const sideUrl = await listen(side);
  url = gateway.url;
  console.log(JSON.stringify({ url, cpuUrl: sideUrl.replace('/graphql', '/__cpu') }));
} else if (kind === 'apollo-stock') {
  // Stock @apollo/gateway: default settings, the only addition is signing the token it must carry.
  const apollo = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ name, url: u }) =>
        new RemoteGraphQLDataSource({
          url: subgraphUrls[name] ?? u!,
          fetcher: (async (target: string, init: { headers?: Record<string, string>; body?: string }) =>
            fetch(target, { ...init, headers: { ...init.headers, [ACTOR_TOKEN_HEADER]: await signer.sign(ANONYMOUS, name, init.body ?? '') } })) as never,
        }),
    }),
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  url = await listen(withCpu(app));
  console.log(JSON.stringify({ url, cpuUrl: url.replace('/graphql', '/__cpu') }));
} else {
  // Loaded by name, untyped: its types augment graphql's error extensions for the whole program
  // (Yoga's `http.headers` as a record), which would clash with Apollo Server's (a Map).
  const hive = '@graphql-hive/gateway-runtime';
  const { createGatewayRuntime } = (await import(hive)) as { createGatewayRuntime: (config: unknown) => unknown };
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: false,
    maskedErrors: process.env['BENCH_UNMASK'] !== '1',
    inboundInflightRequestDeduplication: kind === 'hive-merging',
    plugins: () => [
      {
        async onFetch({ url: target, options, setOptions }: { url: string; options: { body?: unknown; headers?: unknown }; setOptions(o: unknown): void }) {
          const name = nameOfUrl.get(target) ?? [...nameOfUrl].find(([u]) => target.startsWith(u))?.[1] ?? '';
          const body = typeof options.body === 'string' ? options.body : '';
          setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [ACTOR_TOKEN_HEADER]: await signer.sign(ANONYMOUS, name, body) } });
        },
      },
    ],
  });
  url = await listen(withCpu(runtime as never));
  console.log(JSON.stringify({ url, cpuUrl: url.replace('/graphql', '/__cpu') }));
}
