// Child processes for end-to-end tests: the launcher of the real-infrastructure system owns them.
export { freePort, repoRoot, startProcess, stopProcess, waitReady } from '../tools/start/real-processes.ts';
export type { Proc } from '../tools/start/real-processes.ts';
