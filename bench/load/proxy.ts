import http from 'node:http';

/**
 * The load balancer in front of the web processes: round-robin, one request at a time per upstream
 * pick, no stickiness (so a session, a CSRF form and a duplicated callback each land on whichever
 * process is next). It connects to the upstream from the caller's own loopback address (every bench
 * client has one of 127.0.0.0/8), so the app sees one IP per client, as it would behind a real proxy
 * with TRUST_PROXY, without depending on that setting; X-Forwarded-For is added as a real proxy would.
 */
export interface RoundRobinProxy {
  url: string;
  /** Requests sent to each upstream, in the order given. */
  forwarded: number[];
  /** Requests answered 502 because an upstream could not be reached. */
  failed: number;
  close(): Promise<void>;
}

export async function startProxy(upstreamPorts: number[], port: number): Promise<RoundRobinProxy> {
  // Idle upstream connections close after 10 s, well before Fastify's own keep-alive timeout (72 s).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 10_000 });
  let next = 0;
  const state = { forwarded: upstreamPorts.map(() => 0), failed: 0 };
  const server = http.createServer((request, response) => {
    const index = next++ % upstreamPorts.length;
    state.forwarded[index]!++;
    const source = request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
    const forwardedFor = [request.headers['x-forwarded-for'], source].filter(Boolean).join(', ');
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPorts[index],
        method: request.method,
        path: request.url,
        headers: { ...request.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' },
        localAddress: source,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      state.failed++;
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('bad gateway');
    });
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    get forwarded() {
      return state.forwarded;
    },
    get failed() {
      return state.failed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
