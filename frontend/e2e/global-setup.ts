/**
 * Starts real backends for the browser tests: a fresh SQLite database, migrated and seeded with the demo
 * practice once, then copied for each of E2E_SERVERS servers serving the built SPA. Test files run two at a
 * time (vitest.e2e.config.ts), each worker on its own server and database, so no file sees another's changes
 * (`serverUrl()` in browser.ts). Set TEND_E2E_BASE_URL to test, one file at a time, against a server that is
 * already running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per test worker (VITEST_POOL_ID 1 uses the first). */
    baseUrls: string[];
  }
}

/** How many servers (and test files at once): two keep two cores busy, as the browser mostly waits. */
export const E2E_SERVERS = Math.max(1, Number(process.env.TEND_E2E_SERVERS ?? 2));

const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tend = resolve(frontendDir, '../.venv/bin/tend');
const distDir = join(frontendDir, 'dist');
const HEALTH_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function runTend(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(tend, args, { cwd: frontendDir, env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(
      `\`tend ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}`,
    );
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`tend serve exited (${server.exitCode ?? server.signalCode}) before it was healthy:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`tend serve did not answer GET /healthz with 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${stderr()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      done();
    });
    server.kill('SIGTERM');
  });
}

function startServer(env: NodeJS.ProcessEnv, port: number, isStopping: () => boolean): { server: ChildProcess; stderr: () => string } {
  let stderr = '';
  const server = spawn(tend, ['serve', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: frontendDir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.setEncoding('utf8');
  server.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  server.on('exit', (code, signal) => {
    if (!isStopping()) console.error(`tend serve died during the e2e run (${code ?? signal}):\n${stderr}`);
  });
  return { server, stderr: () => stderr };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEND_E2E_BASE_URL;
  if (external) {
    project.provide('baseUrls', [external.replace(/\/+$/, '')]);
    return async () => {};
  }

  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${join(distDir, 'index.html')} is missing: run npm run build first.`);
  }
  if (!existsSync(tend)) throw new Error(`${tend} not found: install the backend into ../.venv first.`);

  const workDir = mkdtempSync(join(tmpdir(), 'tend-e2e-'));
  const envFor = (n: number): NodeJS.ProcessEnv => ({
    ...process.env,
    TEND_ENV: 'development',
    TEND_DATABASE_URL: `sqlite+aiosqlite:///${join(workDir, `e2e-${n}.sqlite3`)}`,
    TEND_SECRET_KEY: 'e2e-secret-key-not-for-production-0123456789',
    TEND_SPA_DIR: distDir,
  });

  const servers: ChildProcess[] = [];
  let stopping = false;
  const teardown = async () => {
    stopping = true;
    await Promise.all(servers.map(stop));
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    // Seeded once (the seed takes half a minute); each server gets a copy of the finished file. The seed's
    // process has closed the database, so the file holds everything (no write-ahead log left to copy).
    runTend(['migrate'], envFor(1));
    runTend(['seed-demo'], envFor(1));
    for (let n = 2; n <= E2E_SERVERS; n++) {
      copyFileSync(join(workDir, 'e2e-1.sqlite3'), join(workDir, `e2e-${n}.sqlite3`));
    }

    const started = [];
    for (let n = 1; n <= E2E_SERVERS; n++) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const { server, stderr } = startServer(envFor(n), port, () => stopping);
      servers.push(server);
      started.push({ baseUrl, server, stderr });
    }
    await Promise.all(started.map(({ baseUrl, server, stderr }) => waitForHealth(baseUrl, server, stderr)));
    project.provide(
      'baseUrls',
      started.map(({ baseUrl }) => baseUrl),
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
