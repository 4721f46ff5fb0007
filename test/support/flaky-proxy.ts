/**
 * A TCP proxy on loopback between a client and a server (a browser and the hub, the hub and
 * PostgreSQL) that can cut every connection through it, or refuse new ones, on demand: a real
 * network fault, not a mock of the socket.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  /** http://127.0.0.1:PORT, to give a browser as its hub URL. */
  readonly url: string;
  /** Destroys every open connection (both ends), as a dropped network would. */
  cutAll(): number;
  /** While on, every new connection is dropped as it comes: the target is unreachable. */
  refuse(on: boolean): void;
  close(): Promise<void>;
}

export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    cutAll: () => {
      const count = open.size;
      for (const socket of open) socket.destroy();
      return count;
    },
    refuse: (on) => {
      refusing = on;
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
