import type { GetProvisionedConcurrencyConfigCommandOutput } from '@aws-sdk/client-lambda';
import { AwsError } from '../protocol/aws-error';
import type { EmulatorResponse } from '../protocol/http-types';
import type { RestRequest } from '../protocol/rest-json-router';
import type { LambdaContext } from './lambda-context';
import { resolveProvisionedQualifier } from './resolve-provisioned-qualifier';
import { toProvisionedConcurrencyConfig } from './to-provisioned-concurrency-config';

/** GetProvisionedConcurrencyConfig: GET /2019-09-30/functions/{FunctionName}/provisioned-concurrency?Qualifier= */
export async function getProvisionedConcurrencyConfig(context: LambdaContext, request: RestRequest): Promise<EmulatorResponse> {
  const { record, qualifier } = resolveProvisionedQualifier(context, request);
  const provisioned = record.provisioned[qualifier];
  if (!provisioned) {
    throw new AwsError('ProvisionedConcurrencyConfigNotFoundException', 'No Provisioned Concurrency Config found for this function', {
      status: 404,
    });
  }
  const { FunctionArn: _arn, ...config } = toProvisionedConcurrencyConfig(context, record, qualifier, provisioned);
  const body: Omit<GetProvisionedConcurrencyConfigCommandOutput, '$metadata'> = config;
  return { status: 200, body };
}
