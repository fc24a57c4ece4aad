import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server-process.js';
import type { TestCertificate } from './tls.js';

// Debian's Caddy and nginx running the shop's own deploy files (deploy/caddy, deploy/nginx) on test
// ports with a test certificate: what the proxy test sends visitors through and the deploy check validates.

export type ProxyKind = 'caddy' | 'nginx';

export interface ProxySite {
  /** The HTTPS and plain-HTTP ports the proxy listens on (127.0.0.1). */
  httpsPort: number;
  httpPort: number;
  /** The web processes behind it, as host:port. */
  upstreams: string[];
  certificate: Pick<TestCertificate, 'certFile' | 'keyFile'>;
}

export interface RunningProxy {
  output(): string;
  stop(): Promise<void>;
}

export function proxyInstalled(kind: ProxyKind): boolean {
  return spawnSync(kind === 'caddy' ? 'caddy' : 'nginx', [kind === 'caddy' ? 'version' : '-v'], { stdio: 'ignore' }).status === 0;
}

/** deploy/caddy/Caddyfile's placeholders for this site; the file itself is used as it is. */
export function caddyEnvironment(site: ProxySite): Record<string, string> {
  return {
    USLUGI_CADDY_ADMIN: 'off',
    USLUGI_HTTP_PORT: String(site.httpPort),
    USLUGI_HTTPS_PORT: String(site.httpsPort),
    USLUGI_DOMAIN: 'localhost',
    USLUGI_TLS: `tls ${site.certificate.certFile} ${site.certificate.keyFile}`,
    USLUGI_UPSTREAMS: site.upstreams.join(' '),
  };
}

/**
 * deploy/nginx/uslugi.conf with the test's ports, certificate and upstreams put in place of the
 * production ones, inside a minimal nginx.conf of its own (its own pid, logs and temp files).
 */
export function nginxConfig(site: ProxySite): { file: string; prefix: string } {
  const prefix = mkdtempSync(join(tmpdir(), 'uslugi-nginx-'));
  const proxyConf = join(prefix, 'uslugi-proxy.conf');
  writeFileSync(proxyConf, readFileSync(join(repoRoot, 'deploy/nginx/uslugi-proxy.conf'), 'utf8'));
  const siteConf = readFileSync(join(repoRoot, 'deploy/nginx/uslugi.conf'), 'utf8');
  const replacements: [string | RegExp, string][] = [
    [/ {4}server 127\.0\.0\.1:3000;\n {4}server 127\.0\.0\.1:3001;/, site.upstreams.map((upstream) => `    server ${upstream};`).join('\n')],
    ['listen 80;', `listen 127.0.0.1:${site.httpPort};`],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${site.httpsPort} ssl http2;`],
    [/ {4}listen \[::\]:(80|443)( ssl http2)?;\n/g, ''],
    [/server_name shop\.example\.ru;/g, 'server_name localhost;'],
    ['/etc/letsencrypt/live/shop.example.ru/fullchain.pem', site.certificate.certFile],
    ['/etc/letsencrypt/live/shop.example.ru/privkey.pem', site.certificate.keyFile],
    [/\/etc\/nginx\/uslugi-proxy\.conf/g, proxyConf],
    ['/var/www/certbot', prefix],
  ];
  let text = siteConf;
  for (const [from, to] of replacements) {
    const present = typeof from === 'string' ? text.includes(from) : new RegExp(from.source).test(text);
    if (!present) throw new Error(`deploy/nginx/uslugi.conf no longer contains ${String(from)}: update tests/helpers/reverse-proxy.ts`);
    text = text.replace(from, to);
  }
  writeFileSync(join(prefix, 'uslugi.conf'), text);
  const file = join(prefix, 'nginx.conf');
  writeFileSync(
    file,
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${join(prefix, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(prefix, kind)};`),
      `  include ${join(prefix, 'uslugi.conf')};`,
      '}',
    ].join('\n'),
  );
  return { file, prefix };
}

/** Starts the proxy on the site; resolves once its HTTPS port accepts connections. */
export async function startProxy(kind: ProxyKind, site: ProxySite): Promise<RunningProxy> {
  let child: ChildProcess;
  if (kind === 'caddy') {
    const home = mkdtempSync(join(tmpdir(), 'uslugi-caddy-'));
    child = spawn('caddy', ['run', '--config', join(repoRoot, 'deploy/caddy/Caddyfile'), '--adapter', 'caddyfile'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, ...caddyEnvironment(site) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } else {
    const { file, prefix } = nginxConfig(site);
    child = spawn('nginx', ['-c', file, '-p', prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited ${child.exitCode}:\n${output}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(site.httpsPort, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`${kind} did not listen on ${site.httpsPort}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
