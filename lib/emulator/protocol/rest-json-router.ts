import { AwsError } from './aws-error';
import type { EmulatorRequest, EmulatorResponse } from './http-types';

export type RestRequest = EmulatorRequest & { params: Record<string, string> };
export type RestOperation = (request: RestRequest) => Promise<EmulatorResponse>;
export type RestRoute = { method: string; path: string; operation: RestOperation };

type CompiledRoute = RestRoute & { pattern: RegExp; names: string[] };

/**
 * Routes restJson1 requests (the Lambda API) by method and URI template, e.g.
 * `GET /2015-03-31/functions/{FunctionName}/aliases/{Name}`, and serialises errors as Lambda does.
 */
export function createRestJsonRouter(routes: RestRoute[]) {
  const compiled = routes.map(compileRoute);
  const matches = (path: string) => compiled.some((route) => route.pattern.test(path));

  const handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    try {
      const candidates = compiled
        .map((route) => ({ route, match: route.pattern.exec(request.path) }))
        .filter((candidate) => candidate.match !== null);
      if (candidates.length === 0) {
        throw new AwsError('UnknownOperationException', `No operation at ${request.path}`, { status: 404 });
      }
      const chosen = candidates.find((candidate) => candidate.route.method === request.method);
      if (!chosen?.match) {
        throw new AwsError('UnknownOperationException', `${request.method} is not allowed on ${request.path}`, {
          status: 405,
        });
      }
      const params: Record<string, string> = {};
      chosen.route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(chosen.match?.[index + 1] ?? '');
      });
      return await chosen.route.operation({ ...request, params });
    } catch (error) {
      return restJsonError(error);
    }
  };
  return { handle, matches };
}

function compileRoute(route: RestRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { ...route, names, pattern: new RegExp(`^${source}/?$`) };
}

export function restJsonError(error: unknown): EmulatorResponse {
  const awsError =
    error instanceof AwsError ? error : new AwsError('ServiceException', String(error), { status: 500, fault: 'Service' });
  return {
    status: awsError.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': awsError.code, ...awsError.headers },
    // Lambda's models disagree on the member's case (Message vs message); clients read either.
    body: { Type: awsError.fault, Message: awsError.message, message: awsError.message, ...awsError.fields },
  };
}

/** Parses a restJson1 request body; an empty body is an empty input. */
export function readJsonBody(request: EmulatorRequest): unknown {
  if (request.body.length === 0) return {};
  try {
    return JSON.parse(request.body.toString('utf8')) as unknown;
  } catch {
    throw new AwsError('InvalidRequestContentException', 'Could not parse request body into json', { status: 400 });
  }
}
