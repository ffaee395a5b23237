import { createConnection, createServer } from 'node:net';
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

/**
 * A TCP proxy to a real Redis that can fail in the two ways Redis does. `pause()`: connections
 * stay open and nothing is answered, as with a stopped (SIGSTOP) Redis; `resume()` forwards what
 * was held, in order, as SIGCONT would. `cut()`: every connection is dropped and new ones are
 * closed at once (Redis unreachable, or restarted: what was held is lost) until `resume()`.
 */
export async function startRedisProxy(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let state: 'open' | 'paused' | 'cut' = 'open';
  let held: (() => void)[] = [];
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (state === 'open') to.write(chunk);
      else if (state === 'paused') held.push(() => to.write(chunk));
    });
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    if (state === 'cut') return void client.destroy();
    const upstream = createConnection({ host: hostname, port: Number(port) });
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const url = await listen(server);
  return {
    url,
    pause() {
      state = 'paused';
    },
    cut() {
      state = 'cut';
      held = [];
      for (const s of sockets) s.destroy();
    },
    resume() {
      state = 'open';
      for (const write of held) write();
      held = [];
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
