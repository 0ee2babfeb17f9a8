import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { AppError } from '../errors';
import { clientsForSource, type SourceConnection } from './clients-for-source';

/**
 * Proves a source works before it is stored: one ListFunctions call. A failure becomes an error
 * that says what is missing (credentials, permission, region, a running emulator) and names the field.
 */
export async function testSourceConnection(source: SourceConnection): Promise<{ functionsVisible: boolean }> {
  const { lambda } = clientsForSource(source);
  try {
    const page = await lambda.send(new ListFunctionsCommand({ MaxItems: 1 }));
    return { functionsVisible: (page.Functions?.length ?? 0) > 0 };
  } catch (error) {
    throw explain(error, source);
  } finally {
    lambda.destroy();
  }
}

function explain(error: unknown, source: SourceConnection): AppError {
  const name = (error as { name?: string }).name ?? '';
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? '';
  const message = (error as Error).message;
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return new AppError('validation', 'No AWS credentials found: give a profile (--profile), set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where an instance role is available.', 'profile');
  }
  if (['AccessDeniedException', 'AccessDenied'].includes(name)) {
    return new AppError('forbidden', `These credentials may not call lambda:ListFunctions in ${source.region}: ${message}`, source.roleArn ? 'roleArn' : 'profile');
  }
  if (['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'ExpiredTokenException'].includes(name)) {
    return new AppError('unauthorized', `AWS rejected these credentials: ${message}`, 'profile');
  }
  if (code === 'ECONNREFUSED') {
    return new AppError('validation', source.kind === 'emulator'
      ? `Nothing listens at ${source.endpoint}: start it with 'lambdascope emulator'.`
      : `Cannot connect to ${source.endpoint ?? `the Lambda endpoint of ${source.region}`}.`, 'endpoint');
  }
  if (code === 'ENOTFOUND' || name === 'UnknownEndpoint') {
    return new AppError('validation', `No Lambda endpoint for region '${source.region}': check the region.`, 'region');
  }
  return new AppError('internal', `Connection test failed: ${name ? `${name}: ` : ''}${message}`);
}
