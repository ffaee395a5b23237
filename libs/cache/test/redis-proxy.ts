import { createServer } from 'node:net';
import { startTcpProxy } from '@edugraph/testing';
import type { Server, Socket } from 'node:net';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `redis://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** A server that accepts connections, keeps them open and never answers: Redis stopped (SIGSTOP) before the first command. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  const url = await listen(server);
  return {
    url,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The shared TCP proxy (pause, cut, resume) in front of a real Redis, with a redis:// URL to it. */
export async function startRedisProxy(target: string) {
  const proxy = await startTcpProxy(target);
  return Object.assign(proxy, { url: `redis://${proxy.address}` });
}
