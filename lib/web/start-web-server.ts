import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { findStaleBuild } from './find-stale-build';

export type WebServer = { url: string; stop: () => Promise<void> };

type WebServerOptions = {
  root: string;
  port: number;
  hostname: string;
  /** Next's dev server (hot reload) instead of the production build. */
  dev: boolean;
  /** The Next.js server's environment: DATABASE_URL and the rest, as the CLI resolved them. */
  env: Record<string, string | undefined>;
  log: (line: string) => void;
};

/**
 * Runs the Next.js app as a child process (its own memory and crash domain; Ctrl-C reaches it
 * through the process group), building it first when the build is missing or stale. Resolves once
 * the server answers HTTP.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const env = { ...options.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (!options.dev) {
    const stale = findStaleBuild(options.root);
    if (stale) {
      options.log(`Building the web app (${stale}); this takes a minute or two the first time…`);
      await runToCompletion(spawn(process.execPath, [nextBin, 'build'], { cwd: options.root, env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' }));
    }
  }
  const child = spawn(
    process.execPath,
    [nextBin, options.dev ? 'dev' : 'start', '--port', String(options.port), '--hostname', options.hostname],
    { cwd: options.root, env: { ...env, NODE_ENV: options.dev ? 'development' : 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => forwardLines(chunk, options.log));
  child.stderr?.on('data', (chunk: Buffer) => forwardLines(chunk, options.log));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://${options.hostname === '0.0.0.0' ? 'localhost' : options.hostname}:${options.port}`;
  await waitUntilAnswering(url, exited);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function forwardLines(chunk: Buffer, log: (line: string) => void): void {
  for (const line of chunk.toString().split('\n')) if (line.trim() !== '') log(`web ${line}`);
}

function runToCompletion(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${String(code)}`))));
  });
}

async function waitUntilAnswering(url: string, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let waited = 0; waited < 180_000; waited += 250) {
    if (gone) throw new Error('the web server exited while starting; its output is above');
    try {
      await fetch(`${url}/signin`, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the web server did not answer at ${url} within 3 minutes`);
}
