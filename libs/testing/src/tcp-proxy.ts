import { createConnection, createServer } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server (Redis, Kafka) that fails the ways servers do, without
 * touching the server other programs share. `pause()`: connections stay open and nothing is
 * answered, as with a stopped (SIGSTOP) server; `resume()` forwards what was held, in order.
 * `cut()`: every connection is dropped and new ones are closed at once (unreachable, or restarted:
 * what was held is lost) until `resume()`. `startCut` begins unreachable.
 */
export async function startTcpProxy(target: string, options: { startCut?: boolean } = {}) {
  const [host, port] = target.replace(/^[a-z]+:\/\//, '').split(':');
  const sockets = new Set<Socket>();
  let state: 'open' | 'paused' | 'cut' = options.startCut ? 'cut' : 'open';
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
    const upstream = createConnection({ host: host!, port: Number(port) });
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    /** host:port of the proxy. */
    address,
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
export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
