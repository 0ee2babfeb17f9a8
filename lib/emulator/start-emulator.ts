import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lambdaRoutes } from './lambda/lambda-routes';
import type { LambdaContext } from './lambda/lambda-context';
import { functionArn, resolveQualifier } from './lambda/function-names';
import { startProvisioning } from './lambda/start-provisioning';
import { openLogStore } from './logs/log-store';
import { createLogsService } from './logs/logs-service';
import { openMetricStore } from './metrics/metric-store';
import { createMetricsQueryService, createMetricsService } from './metrics/metrics-service';
import { emulatorSettingsSchema, type EmulatorOptions, type EmulatorSettings } from './emulator-settings';
import { AwsError } from './protocol/aws-error';
import { headerValue, type EmulatorRequest, type EmulatorResponse } from './protocol/http-types';
import { createRestJsonRouter } from './protocol/rest-json-router';
import { serveHttp } from './protocol/serve-http';
import { AsyncEventQueue } from './scheduler/async-event-queue';
import { DestinationStore } from './scheduler/destination-store';
import { Scheduler } from './scheduler/scheduler';
import { CodeStore } from './state/code-store';
import { FunctionRegistry } from './state/function-registry';

export type RunningEmulator = {
  url: string;
  port: number;
  settings: EmulatorSettings;
  /** The emulator's own state, for tests and the CLI (on-failure records, environments). */
  lambda: LambdaContext;
  /** Stops serving, kills every execution environment, and flushes logs and metrics to disk. */
  close: () => Promise<void>;
};

/** Provisioned environments are processes: after a restart the stored configurations start them again. */
function restartProvisionedConcurrency(lambda: LambdaContext): void {
  for (const record of lambda.registry.list()) {
    for (const [qualifier, provisioned] of Object.entries(record.provisioned)) {
      const { config } = resolveQualifier(lambda.settings, record, qualifier);
      startProvisioning(lambda, { record, qualifier, config, count: provisioned.requested });
    }
  }
}

/** Room for CreateFunction's 50 MB ZIP, base64-encoded inside JSON. */
const MAX_REQUEST_BYTES = 70 * 1024 * 1024;

/**
 * A local AWS Lambda with its CloudWatch Logs and CloudWatch metrics APIs on one endpoint, wire
 * compatible with the AWS SDKs and CLI. `startEmulator({ port: 0 })` picks a free port.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = emulatorSettingsSchema.parse(options);
  const scratch = settings.dataDir === null ? mkdtempSync(path.join(tmpdir(), 'lambdascope-emulator-')) : null;
  const dataDir = settings.dataDir;
  const logs = await openLogStore({
    dir: dataDir && path.join(dataDir, 'logs'),
    region: settings.region,
    accountId: settings.accountId,
  });
  const metrics = await openMetricStore({ dir: dataDir && path.join(dataDir, 'metrics') });
  const registry = FunctionRegistry.open(dataDir && path.join(dataDir, 'lambda'), (name) => functionArn(settings, name));
  const code = new CodeStore(path.join(dataDir ?? (scratch as string), 'code'));
  const scheduler = new Scheduler({
    region: settings.region,
    accountLimit: settings.accountConcurrencyLimit,
    idleTimeoutMs: settings.idleTimeoutMs,
    logs,
    metrics,
    code,
    totalReserved: () => registry.totalReservedConcurrency(),
  });
  const destinations = new DestinationStore(dataDir && path.join(dataDir, 'lambda'));
  const asyncQueue = new AsyncEventQueue({ settings, registry, scheduler, destinations });
  const lambda: LambdaContext = { settings, registry, code, scheduler, asyncQueue, destinations };
  restartProvisionedConcurrency(lambda);

  const lambdaApi = createRestJsonRouter(lambdaRoutes(lambda));
  const logsApi = createLogsService({ store: logs, throttleRate: settings.logsThrottleRate });
  const metricsApi = createMetricsService({ store: metrics });
  const metricsQueryApi = createMetricsQueryService({ store: metrics });

  const handler = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    const target = headerValue(request.headers, 'x-amz-target');
    if (target !== undefined) {
      if (logsApi.matches(target)) return logsApi.handle(request);
      if (metricsApi.matches(target)) return metricsApi.handle(request);
      throw new AwsError('UnknownOperationException', `Unknown X-Amz-Target ${target}`, { status: 400 });
    }
    if (metricsQueryApi.matches(request)) return metricsQueryApi.handle(request);
    if (request.path === '/health' || request.path === '/_lambdascope/health') {
      return { status: 200, body: { status: 'running', services: { lambda: 'running', logs: 'running', cloudwatch: 'running' } } };
    }
    if (request.path === '/_lambdascope/destinations' && request.method === 'GET') {
      const functionName = request.query.get('functionName') ?? undefined;
      const destination = request.query.get('destination') ?? undefined;
      return { status: 200, body: { Records: destinations.list({ ...(functionName ? { functionName } : {}), ...(destination ? { destination } : {}) }) } };
    }
    return lambdaApi.handle(request);
  };

  const server = await serveHttp({
    host: settings.host,
    port: settings.port,
    handler,
    maxBodyBytes: MAX_REQUEST_BYTES,
    ...(settings.log ? { log: settings.log } : {}),
  });
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    settings,
    lambda,
    close: () =>
      (closing ??= (async () => {
        // Order matters: no new work, then no environments (their last lines reach the log
        // store), then the requests under way finish, and only then the stores close.
        asyncQueue.close();
        await scheduler.close();
        await server.close();
        await Promise.all([logs.close(), metrics.close()]);
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      })()),
  };
}
