import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { SERVICES } from '@edugraph/contracts';
import type { ServiceName } from '@edugraph/contracts';
import { generateActorKeyPair, generatePiiKeyring } from '@edugraph/auth';
import type { ActorKeyPair } from '@edugraph/auth';
import { DEFAULT_PORTS, METRICS_PORT_OFFSET } from '@edugraph/platform';
import { subgraphUrlKey } from '@edugraph/gateway';
import { freePort, repoRoot, startProcess, stopProcess, waitReady } from './real-processes.ts';
import type { LineSink, Proc } from './real-processes.ts';

export type ProcessName = ServiceName | 'gateway';
const PROCESS_NAMES: ProcessName[] = [...SERVICES, 'gateway'];

/** Where the infrastructure is: the PostgreSQL server (an admin URL), the Kafka brokers, Redis. */
export interface RealInfrastructure {
  adminDatabaseUrl: string;
  kafkaBrokers: string;
  redisUrl: string;
}

export const LOCAL_KAFKA = '127.0.0.1:9092';

/** DATABASE_URL (the server's admin URL, as tests take it), KAFKA_BROKERS and REDIS_URL, else the local defaults. */
export function realInfrastructureFromEnv(env: NodeJS.ProcessEnv = process.env): RealInfrastructure {
  return {
    adminDatabaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres',
    kafkaBrokers: env['KAFKA_BROKERS'] || LOCAL_KAFKA,
    redisUrl: env['REDIS_URL'] || 'redis://127.0.0.1:6379',
  };
}

export interface RealSystemOptions extends RealInfrastructure {
  jwtSecret: string;
  /** Each service's database URL. Default: `edugraph_<service>` on the admin server, created when missing. */
  databaseFor?: (service: ServiceName) => Promise<string>;
  /** Run tools/kafka/start.sh first (idempotent). Default: when the brokers are the local broker's address. */
  startLocalKafka?: boolean;
  /** The gateway's port; the services take the next five (4000 → 4001–4005), metrics each port + 5000. 0: free ports (tests). */
  gatewayPort?: number;
  host?: string;
  /** Prefix of topic, consumer-group and cache-key names, to keep test runs apart. */
  topicPrefix?: string;
  /** The actor-token key pair (default: a new one for this run). */
  actorKeys?: ActorKeyPair;
  /** The keyring for personal data at rest (default: a new one for this run; `npm run start:real` keeps one in .data/). */
  piiKeys?: string;
  logLevel?: string;
  /**
   * NODE_ENV of every process (default `development`). Never inherited: a test runner's `test`
   * changes how libraries behave (Apollo Server's own signal handlers, for one).
   */
  nodeEnv?: string;
  /** Each line a process writes (default: to this process's output, prefixed with the process's name). */
  onLine?: LineSink;
  readyTimeoutMs?: number;
  /** Aborts the start: whatever was started is stopped and the promise rejects. */
  signal?: AbortSignal;
}

export interface RealSystem {
  gatewayUrl: string;
  /** The GraphQL URL of each process. */
  urls: Record<ProcessName, string>;
  databaseUrls: Record<ServiceName, string>;
  /** The last lines each process wrote. */
  output(name: ProcessName): string[];
  /** Stops one process (SIGTERM; SIGKILL after 15 s) and resolves with its exit code. */
  stopProcess(name: ProcessName): Promise<number | null>;
  /** Sends a signal to one process as it is (SIGKILL a crash, SIGSTOP/SIGCONT a hang): for fault tests. */
  signal(name: ProcessName, signal: NodeJS.Signals): void;
  /** Starts a process that has exited (stopped, killed) again with the same environment and waits until it is ready. */
  restartProcess(name: ProcessName): Promise<void>;
  /** The gateway first, then the services; resolves with each exit code (0: drained and exited by itself). */
  stop(): Promise<Record<ProcessName, number | null>>;
  /** SIGKILL to every process still running (a second Ctrl+C). */
  kill(): void;
}

/** Writes each line as `name | line`, the name coloured on a terminal, like `docker compose up`. */
export function prefixedLines(out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): LineSink {
  const width = Math.max(...[...PROCESS_NAMES, 'kafka'].map((n) => n.length));
  const colours = [36, 32, 33, 35, 34, 31, 37];
  const colourOf = new Map<string, number>();
  return (name, line, stream) => {
    if (!colourOf.has(name)) colourOf.set(name, colours[colourOf.size % colours.length]!);
    const target = stream === 'stderr' ? err : out;
    const label = name.padEnd(width);
    target.write(`${target.isTTY ? `\x1b[${colourOf.get(name)}m${label}\x1b[0m` : label} | ${line}\n`);
  };
}

/** Creates `name` on the server behind the admin URL unless it is there; returns the database's URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    // 42P04: another launcher created it meanwhile.
    if (!rowCount) await admin.query(`create database ${name}`).catch((e: { code?: string }) => (e.code === '42P04' ? undefined : Promise.reject(e)));
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs tools/kafka/start.sh, which starts the local broker unless one answers already. */
export async function ensureLocalKafka(onLine: LineSink): Promise<void> {
  const child = spawn('bash', ['tools/kafka/start.sh'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (stream: 'stdout' | 'stderr') => (line: string) => {
    lines.push(line);
    onLine('kafka', line, stream);
  };
  createInterface({ input: child.stdout }).on('line', collect('stdout'));
  createInterface({ input: child.stderr }).on('line', collect('stderr'));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  if (code !== 0) throw new Error(`tools/kafka/start.sh failed (exit ${code}):\n${lines.slice(-40).join('\n')}`);
}

/**
 * The real-infrastructure mode as one command: each service and the gateway a process of its own
 * (`node apps/<name>/src/main.ts`) on PostgreSQL, Kafka and Redis, configured only by environment,
 * as in production. Resolves once every process answers `/health/ready`.
 */
export async function startRealSystem(o: RealSystemOptions): Promise<RealSystem> {
  const host = o.host ?? '127.0.0.1';
  const onLine = o.onLine ?? prefixedLines();
  const readyTimeoutMs = o.readyTimeoutMs ?? 90_000;
  const startKafka = o.startLocalKafka ?? ['127.0.0.1:9092', 'localhost:9092'].includes(o.kafkaBrokers);
  const databaseFor = o.databaseFor ?? ((service: ServiceName) => ensureDatabase(o.adminDatabaseUrl, `edugraph_${service}`));

  const [, databaseList, actorKeys] = await Promise.all([
    startKafka ? ensureLocalKafka(onLine) : undefined,
    Promise.all(SERVICES.map(databaseFor)),
    o.actorKeys ?? generateActorKeyPair(`real-${Date.now()}`),
  ]);
  o.signal?.throwIfAborted();
  const databaseUrls = Object.fromEntries(SERVICES.map((s, i) => [s, databaseList[i]!])) as Record<ServiceName, string>;

  const ports = {} as Record<ProcessName, { port: number; metrics: number }>;
  for (const name of PROCESS_NAMES) {
    ports[name] =
      o.gatewayPort === 0
        ? { port: await freePort(), metrics: await freePort() }
        : (() => {
            const port = DEFAULT_PORTS[name] - DEFAULT_PORTS.gateway + (o.gatewayPort ?? DEFAULT_PORTS.gateway);
            return { port, metrics: port + METRICS_PORT_OFFSET };
          })();
  }
  const baseUrl = (name: ProcessName) => `http://${host}:${ports[name].port}`;
  const urls = Object.fromEntries(PROCESS_NAMES.map((n) => [n, `${baseUrl(n)}/graphql`])) as Record<ProcessName, string>;

  const piiKeys = o.piiKeys ?? generatePiiKeyring('real-system');
  // Every variable is set, so nothing leaks in from the launcher's own environment (PORT, METRICS_PORT…).
  const common = { HOST: host, REDIS_URL: o.redisUrl, EDUGRAPH_TOPIC_PREFIX: o.topicPrefix ?? '', LOG_LEVEL: o.logLevel ?? 'info', NODE_ENV: o.nodeEnv ?? 'development' };
  const envOf = (name: ProcessName): Record<string, string> => {
    const own = { ...common, PORT: String(ports[name].port), METRICS_PORT: String(ports[name].metrics) };
    if (name !== 'gateway') {
      return { ...own, DATABASE_URL: databaseUrls[name], KAFKA_BROKERS: o.kafkaBrokers, EDUGRAPH_ACTOR_PUBLIC_KEYS: JSON.stringify({ keys: [actorKeys.publicJwk] }), EDUGRAPH_PII_KEYS: piiKeys };
    }
    return {
      ...own,
      EDUGRAPH_ACTOR_PRIVATE_KEY: JSON.stringify(actorKeys.privateJwk),
      EDUGRAPH_JWT_SECRET: o.jwtSecret,
      ...Object.fromEntries(SERVICES.map((s) => [subgraphUrlKey(s), urls[s]])),
    };
  };

  const procs = new Map<ProcessName, Proc>();
  const stopped = new Set<Proc>();
  const launch = (name: ProcessName) => {
    const proc = startProcess(name, `apps/${name}/src/main.ts`, envOf(name), onLine);
    procs.set(name, proc);
    void proc.exited.then((code) => {
      if (!stopped.has(proc)) onLine(name, `exited unexpectedly with code ${code ?? proc.child.signalCode}`, 'stderr');
    });
    return proc;
  };
  const ready = (proc: Proc, name: ProcessName) => waitReady(proc, `${baseUrl(name)}/health/ready`, readyTimeoutMs, o.signal);
  const stopOne = async (name: ProcessName) => {
    const proc = procs.get(name);
    if (!proc) return null;
    stopped.add(proc);
    return stopProcess(proc);
  };
  const stopAll = async () => {
    // The gateway first, so no request reaches a service that is draining.
    const gateway = await stopOne('gateway');
    const services = await Promise.all(SERVICES.map(stopOne));
    return { gateway, ...Object.fromEntries(SERVICES.map((s, i) => [s, services[i]!])) } as Record<ProcessName, number | null>;
  };

  try {
    // The gateway is ready only once every subgraph answers, so all six start at once.
    await Promise.all(PROCESS_NAMES.map((name) => ready(launch(name), name)));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    gatewayUrl: urls.gateway,
    urls,
    databaseUrls,
    output: (name) => procs.get(name)?.output ?? [],
    stopProcess: stopOne,
    signal: (name, signal) => {
      procs.get(name)?.child.kill(signal);
    },
    restartProcess: async (name) => {
      const proc = procs.get(name);
      if (proc && proc.child.exitCode === null && proc.child.signalCode === null) throw new Error(`${name} is still running`);
      await ready(launch(name), name);
    },
    stop: stopAll,
    kill: () => {
      for (const proc of procs.values()) {
        stopped.add(proc);
        if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
      }
    },
  };
}
