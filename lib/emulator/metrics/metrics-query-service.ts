import { randomUUID } from 'node:crypto';
import { AwsError } from '../protocol/aws-error';
import { headerValue, type EmulatorRequest, type EmulatorResponse } from '../protocol/http-types';
import { createMetricsOperations, METRICS_ACTIONS, type MetricsAction } from './create-metrics-operations';
import { decodeQueryForm } from './decode-query-form';
import { encodeQueryError, encodeQueryResponse } from './encode-query-xml';
import type { MetricStore } from './metric-store';

export type MetricsQueryServiceOptions = { store: MetricStore };

const XML_NAMESPACE = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
// Form values are all text; these members of the three inputs are typed otherwise in the model.
const NUMBER_MEMBERS = new Set(['Period', 'MaxDatapoints']);
const BOOLEAN_MEMBERS = new Set(['ReturnData', 'IncludeLinkedAccounts']);
// botocore sends an empty list as `Name=` with no members.
const LIST_MEMBERS = new Set(['MetricDataQueries', 'Dimensions', 'Statistics', 'ExtendedStatistics']);
// Datapoint.ExtendedStatistics is a map in the output.
const MAP_MEMBERS = new Set(['ExtendedStatistics']);

/**
 * CloudWatch's metrics API as awsQuery clients (AWS CLI v2 before 2.13, botocore) speak it:
 * `POST /` form posts with `Action=…&Version=2010-08-01`, answered in XML.
 */
export function createMetricsQueryService({ store }: MetricsQueryServiceOptions) {
  const operations = createMetricsOperations(store);

  const matches = (request: EmulatorRequest): boolean =>
    request.method === 'POST' &&
    request.path === '/' &&
    (headerValue(request.headers, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded') &&
    isMetricsAction(new URLSearchParams(request.body.toString('utf8')).get('Action'));

  const handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    const requestId = randomUUID();
    const headers = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
    try {
      const { Action: action, ...input } = decodeQueryForm(request.body.toString('utf8'));
      delete input.Version; // only 2010-08-01 exists
      if (typeof action !== 'string' || !isMetricsAction(action)) {
        throw new AwsError('InvalidAction', `The action ${String(action)} is not valid for this web service.`, { status: 400 });
      }
      const result = operations[action](typeFormMembers(input));
      const body = encodeQueryResponse({ action, result, requestId, xmlNamespace: XML_NAMESPACE, mapMembers: MAP_MEMBERS });
      return { status: 200, headers, body };
    } catch (error) {
      const awsError = error instanceof AwsError ? error : new AwsError('InternalFailure', String(error), { status: 500 });
      const body = encodeQueryError({
        code: awsError.queryCode ?? awsError.code,
        message: awsError.message,
        type: awsError.fault === 'User' ? 'Sender' : 'Receiver',
        requestId,
        xmlNamespace: XML_NAMESPACE,
      });
      return { status: awsError.status, headers, body };
    }
  };

  return { handle, matches };
}

function isMetricsAction(action: string | null): action is MetricsAction {
  return (METRICS_ACTIONS as readonly string[]).includes(action ?? '');
}

/** Gives numbers, booleans and empty lists their model types; anything malformed is left for validation to name. */
function typeFormMembers(value: unknown, name = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => typeFormMembers(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([member, inner]) => [member, typeFormMembers(inner, member)]));
  }
  if (typeof value !== 'string') return value;
  if (LIST_MEMBERS.has(name) && value === '') return [];
  if (NUMBER_MEMBERS.has(name) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN_MEMBERS.has(name) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
