import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback in front of one service (the gateway, a database), with a switch: cut()
 * drops every open connection and stops listening, so the service is unreachable (ECONNREFUSED);
 * restore() listens again on the same port.
 */
export interface CutProxy {
  url: string;
  port: number;
  /** Connections accepted since the start. */
  readonly connections: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCutProxy(target: { host: string; port: number }): Promise<CutProxy> {
  const open = new Set<Socket>();
  let connections = 0;
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    const listening = createServer((client) => {
      connections++;
      const upstream = createConnection(target);
      for (const socket of [client, upstream]) {
        open.add(socket);
        socket.on('close', () => open.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => resolve());
    });
    port = (listening.address() as { port: number }).port;
    server = listening;
  };
  await listen();
  const proxy: CutProxy = {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    async cut() {
      const closing = server;
      server = null;
      for (const socket of open) socket.destroy();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async restore() {
      if (!server) await listen();
    },
    close: () => proxy.cut(),
  };
  return proxy;
}
