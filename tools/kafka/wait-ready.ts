// Waits until a Kafka broker answers a kafkajs admin `listTopics`, printing short progress
// lines. Used by tools/kafka/start.sh; also usable on its own from any cwd:
//
//   node tools/kafka/wait-ready.ts
//
// Env: KAFKA_BROKERS (comma-separated, default 127.0.0.1:9092), KAFKA_WAIT_TIMEOUT_S
// (default 90), KAFKA_PID (optional: give up early when that process exits).
// Exit code 0 when ready, 1 on timeout or when the broker process died.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const timeoutMs = Number(process.env.KAFKA_WAIT_TIMEOUT_S ?? '90') * 1000;
const pid = process.env.KAFKA_PID ? Number(process.env.KAFKA_PID) : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A dead child of start.sh stays a zombie (kill(pid, 0) still succeeds) until start.sh
// reaps it, so on Linux look at the process state too.
function processAlive(p: number): boolean {
  try {
    process.kill(p, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

async function tryOnce(): Promise<number> {
  const kafka = new Kafka({
    clientId: 'wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    return topics.length;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

// kafkajs 2.2.4 arms setTimeout with a negative delay in its request queue; Node >= 23
// prints a TimeoutNegativeWarning for it (harmless: Node uses 1 ms). Hide only that one.
const defaultWarningListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name === 'TimeoutNegativeWarning') return;
  for (const l of defaultWarningListeners) l(w);
});

const started = Date.now();
const secs = () => ((Date.now() - started) / 1000).toFixed(1);
console.log(`kafka: waiting for ${brokers.join(',')} (up to ${timeoutMs / 1000}s)`);
let lastReport = started;
let lastError = '';
for (;;) {
  try {
    const n = await tryOnce();
    console.log(`kafka: ready after ${secs()}s (${n} topics)`);
    process.exit(0);
  } catch (err) {
    lastError = err instanceof Error ? err.message : String(err);
  }
  if (pid !== undefined && !processAlive(pid)) {
    console.error(`kafka: broker process ${pid} exited (logs: ${resolve(repoRoot, 'tools/kafka/.logs')})`);
    process.exit(1);
  }
  if (Date.now() - started >= timeoutMs) {
    console.error(`kafka: not ready after ${secs()}s: ${lastError}`);
    process.exit(1);
  }
  if (Date.now() - lastReport >= 5000) {
    console.log(`kafka: still waiting (${secs()}s): ${lastError}`);
    lastReport = Date.now();
  }
  await sleep(500);
}
