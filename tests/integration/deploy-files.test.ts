import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { caddyEnvironment, nginxConfig, proxyInstalled, type ProxySite } from '../helpers/reverse-proxy.js';
import { repoRoot } from '../helpers/server-process.js';
import { selfSignedCertificate } from '../helpers/tls.js';

// deploy/ is checked, not just written: the systemd units by systemd-analyze, the Caddyfile by
// `caddy validate`, the nginx site by `nginx -t`, the production settings example by our own validation.
// Missing tools skip these loudly on a developer's machine and fail them in CI (.ci/run installs them).

const deploy = join(repoRoot, 'deploy');
const tool = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined;
const inCi = Boolean(process.env.CI);
function needs(present: boolean, what: string): boolean {
  if (!present && !inCi) process.stderr.write(`\n*** SKIPPED: ${what} is not installed (apt-get install ${what}) ***\n\n`);
  return present || inCi;
}

/** The units with /opt/uslugi moved under a scratch root whose node_modules/.bin/node is this Node. */
function unitsUnderScratchRoot(): { dir: string; units: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'uslugi-units-'));
  const bin = join(dir, 'opt/uslugi/node_modules/.bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(process.execPath, join(bin, 'node'));
  const units: string[] = [];
  for (const name of readdirSync(join(deploy, 'systemd'))) {
    const text = readFileSync(join(deploy, 'systemd', name), 'utf8').replaceAll('/opt/uslugi', join(dir, 'opt/uslugi'));
    // A template is verified through an instance, as systemd runs it.
    const unit = name.replace('@.service', '@3000.service');
    writeFileSync(join(dir, unit), text);
    units.push(unit);
  }
  return { dir, units };
}

describe.runIf(needs(tool('systemd-analyze'), 'systemd'))('the systemd units', () => {
  it('pass systemd-analyze verify without a single warning, and fail it when broken', () => {
    const { dir, units } = unitsUnderScratchRoot();
    expect(units.sort()).toEqual(['uslugi-web@3000.service', 'uslugi-worker.service']);
    const verify = spawnSync('systemd-analyze', ['verify', ...units.map((unit) => `./${unit}`)], { cwd: dir, encoding: 'utf8' });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stderr + verify.stdout).toBe('');

    writeFileSync(join(dir, 'broken.service'), readFileSync(join(dir, units[0]!), 'utf8').replace('ProtectSystem=strict', 'ProtectSystem=strickt'));
    const broken = spawnSync('systemd-analyze', ['verify', './broken.service'], { cwd: dir, encoding: 'utf8' });
    expect(broken.stderr).toMatch(/protect system value/i);
  });

  it('run as a dedicated user from the environment file, hardened: exposure at most 2.0 of 10', () => {
    const { dir, units } = unitsUnderScratchRoot();
    for (const unit of units) {
      const text = readFileSync(join(dir, unit), 'utf8');
      for (const line of ['User=uslugi', 'EnvironmentFile=/etc/uslugi/uslugi.env', 'ProtectSystem=strict', 'NoNewPrivileges=yes', 'StateDirectory=uslugi']) expect(text, unit).toContain(`\n${line}\n`);
      // Decision 042: under overload the worker's CPU comes first.
      if (unit.startsWith('uslugi-web')) for (const line of ['Nice=5', 'CPUWeight=50']) expect(text, unit).toContain(`\n${line}\n`);
      const security = spawnSync('systemd-analyze', ['security', '--offline=true', '--threshold=20', `./${unit}`], { cwd: dir, encoding: 'utf8' });
      expect(security.status, security.stdout.split('\n').slice(-3).join('\n')).toBe(0);
    }
  });
});

describe.runIf(needs(proxyInstalled('caddy'), 'caddy'))('deploy/caddy/Caddyfile', () => {
  it('passes caddy validate as shipped and with the test ports', () => {
    const asShipped = spawnSync('caddy', ['validate', '--config', join(deploy, 'caddy/Caddyfile'), '--adapter', 'caddyfile'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tmpdir() } });
    expect(asShipped.status, asShipped.stderr.slice(-2000)).toBe(0);
    const certificate = selfSignedCertificate();
    const site: ProxySite = { httpsPort: 18443, httpPort: 18080, upstreams: ['127.0.0.1:3000'], certificate };
    const forTests = spawnSync('caddy', ['validate', '--config', join(deploy, 'caddy/Caddyfile'), '--adapter', 'caddyfile'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: tmpdir(), ...caddyEnvironment(site) },
    });
    expect(forTests.status, forTests.stderr.slice(-2000)).toBe(0);
  });
});

describe.runIf(needs(proxyInstalled('nginx'), 'nginx'))('deploy/nginx/uslugi.conf', () => {
  it('passes nginx -t with a certificate in place of the Let\'s Encrypt one, and fails it when broken', () => {
    const site: ProxySite = { httpsPort: 18443, httpPort: 18080, upstreams: ['127.0.0.1:3000', '127.0.0.1:3001'], certificate: selfSignedCertificate() };
    const { file, prefix } = nginxConfig(site);
    const test = spawnSync('nginx', ['-t', '-c', file, '-p', prefix], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    expect(test.stderr).toContain('test is successful');

    writeFileSync(join(prefix, 'uslugi-proxy.conf'), `${readFileSync(join(prefix, 'uslugi-proxy.conf'), 'utf8')}\nproxy_set_heder X-Oops 1;\n`);
    expect(spawnSync('nginx', ['-t', '-c', file, '-p', prefix], { encoding: 'utf8' }).status).not.toBe(0);
  });
});

describe('deploy/.env.production.example', () => {
  it('is a complete set of production settings: the settings validation accepts it as it is', () => {
    const settings = parseEnv(readFileSync(join(deploy, '.env.production.example'), 'utf8'));
    const config = parseConfig({ ...settings, NODE_ENV: 'production', ROLE: 'web', PORT: '3000' });
    expect(config.PUBLIC_URL).toBe('https://shop.example.ru');
    expect(config.TRUST_PROXY).toEqual(['127.0.0.1']);
    expect(config.LOG_FORMAT).toBe('json');
    expect(config.METRICS_TOKEN).toBeDefined();
  });
});
