import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A TCP proxy in front of a server (Redis) that can be made to hang: while paused it accepts
 * connections and holds every byte, answering nothing, exactly as a SIGSTOPped server would, without
 * stopping the machine's own server that other programs share.
 */
export async function startPausableProxy(target: { host: string; port: number }) {
  let paused = false;
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  const relay = (from: Socket, to: Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (paused) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const send of held.splice(0)) send();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
