import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's AWS CLI v2 (CI installs it); never a `aws` found first on PATH, which may be v1. */
export const AWS_CLI = '/usr/bin/aws';

export type CliResult = { code: number; stdout: string; stderr: string; json: unknown };

const home = mkdtempSync(path.join(tmpdir(), 'lambdascope-aws-cli-'));

/** Runs the AWS CLI against an endpoint with throwaway credentials and none of our environment. */
export function runAwsCli(endpoint: string, args: string[]): Promise<CliResult> {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install it with 'apt-get install -y awscli'`);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      [...args, '--endpoint-url', endpoint, '--output', 'json', '--no-cli-pager'],
      { env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let json: unknown = null;
        try {
          json = stdout.trim() ? JSON.parse(stdout) : null;
        } catch {
          json = null;
        }
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}
