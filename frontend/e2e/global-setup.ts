/**
 * Starts a real backend for the browser tests: a fresh SQLite database, migrated and seeded with the demo
 * practice, serving the built SPA. Set TEND_E2E_BASE_URL to test against a server that is already running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEND_E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/+$/, ''));
    return async () => {};
  }

  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${join(distDir, 'index.html')} is missing: run npm run build first.`);
  }
  if (!existsSync(tend)) throw new Error(`${tend} not found: install the backend into ../.venv first.`);

  const workDir = mkdtempSync(join(tmpdir(), 'tend-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEND_ENV: 'development',
    TEND_DATABASE_URL: `sqlite+aiosqlite:///${join(workDir, 'e2e.sqlite3')}`,
    TEND_SECRET_KEY: 'e2e-secret-key-not-for-production-0123456789',
    TEND_SPA_DIR: distDir,
  };

  let server: ChildProcess | undefined;
  let stopping = false;
  const teardown = async () => {
    stopping = true;
    if (server) await stop(server);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    runTend(['migrate'], env);
    runTend(['seed-demo'], env);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let stderr = '';
    server = spawn(tend, ['serve', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: frontendDir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr?.setEncoding('utf8');
    server.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    server.on('exit', (code, signal) => {
      if (!stopping) console.error(`tend serve died during the e2e run (${code ?? signal}):\n${stderr}`);
    });

    await waitForHealth(baseUrl, server, () => stderr);
    project.provide('baseUrl', baseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
