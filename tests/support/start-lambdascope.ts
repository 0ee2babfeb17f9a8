import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './processes';

export type RunningLambdascope = { url: string; output: () => string; stop: () => Promise<number | null> };

/**
 * `lambdascope start` as a user runs it (emulator, demo traffic, worker, web app; the web app built
 * first when stale), on free ports, against `databaseUrl`, with its own data directory. Resolves
 * once it prints where it runs; `stop()` sends Ctrl-C's SIGINT and waits for a clean exit.
 */
export async function startLambdascope(options: { databaseUrl: string; env?: Record<string, string> }): Promise<RunningLambdascope> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lambdascope-e2e-'));
  const webPort = await freePort();
  const child = spawn(process.execPath, [path.resolve('bin/lambdascope.mjs'), 'start', '--web-port', String(webPort), '--port', '0'], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      LAMBDASCOPE_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /Lambdascope is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(check);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`lambdascope start exited with ${child.exitCode}:\n${output}`));
      }
    }, 200);
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
