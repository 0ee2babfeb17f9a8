import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ListTagsCommand,
  PublishVersionCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-lambda';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/start-emulator';
import { runAwsCli } from '@/tests/support/aws-cli';
import { functionZip, testRole, uniqueName } from '@/tests/support/function-zip';
import { sdkClients } from '@/tests/support/sdk-clients';

// AWS's behaviour, from the Lambda API reference (TagResource, UntagResource, ListTags, GetFunction) and the
// Lambda developer guide ("Using tags on Lambda functions"): tags belong to the function, not to versions or
// aliases; TagResource and UntagResource answer 204; ListTags answers {"Tags": {…}}; GetFunction carries Tags.
// Limits (key 1–128, value 0–256 characters, 50 tags, `aws:` reserved): AWS's tag restrictions, as the
// CloudFormation reference for AWS::Lambda::Function Tag states the lengths. The exact wording of three errors
// (version/alias ARN, empty Tags map, too many tags) is AWS's as LocalStack's AWS-recorded Lambda tests give it;
// the wording of the key and value errors is ours (AWS does not document it).
const arnPrefix = 'arn:aws:lambda:us-east-1:000000000000:function:';
const ZipFile = functionZip({ 'index.mjs': 'export const handler = async () => ({});' });

let emulator: RunningEmulator;
let lambda: LambdaClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  lambda = sdkClients(emulator.url).lambda;
});

afterAll(async () => {
  await emulator?.close();
});

async function createFunction(client: LambdaClient, prefix: string, tags?: Record<string, string>): Promise<string> {
  const name = uniqueName(prefix);
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: testRole,
      Handler: 'index.handler',
      Code: { ZipFile },
      ...(tags ? { Tags: tags } : {}),
    }),
  );
  return name;
}

async function listTags(client: LambdaClient, name: string): Promise<Record<string, string> | undefined> {
  return (await client.send(new ListTagsCommand({ Resource: arnPrefix + name }))).Tags;
}

/** `count` distinct tags: k00=v00, k01=v01, … */
const manyTags = (count: number, prefix = 'k') =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`${prefix}${String(index).padStart(2, '0')}`, `v${index}`]));

describe('tags through the SDK', () => {
  test('CreateFunction stores Tags; GetFunction (any qualifier) and ListTags return them', async () => {
    const name = await createFunction(lambda, 'tags-create', { team: 'payments', env: 'prod' });
    expect(await listTags(lambda, name)).toEqual({ team: 'payments', env: 'prod' });
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: name }))).Tags).toEqual({ team: 'payments', env: 'prod' });

    // Tags are the function's: a published version shows the same tags, and later tags too.
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new TagResourceCommand({ Resource: arnPrefix + name, Tags: { stage: 'after-publish' } }));
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: name, Qualifier: '1' }))).Tags).toEqual({
      team: 'payments',
      env: 'prod',
      stage: 'after-publish',
    });
  });

  test('a function without tags: GetFunction has no Tags member and ListTags answers an empty map', async () => {
    const name = await createFunction(lambda, 'tags-none');
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
    expect(fn.Configuration?.FunctionName).toBe(name);
    expect(fn).not.toHaveProperty('Tags');
    expect(await listTags(lambda, name)).toEqual({});
  });

  test('TagResource adds and overwrites; UntagResource removes only the keys it names', async () => {
    const name = await createFunction(lambda, 'tags-merge', { team: 'payments', env: 'prod' });
    const tagged = await lambda.send(new TagResourceCommand({ Resource: arnPrefix + name, Tags: { env: 'staging', owner: 'ana' } }));
    expect(tagged.$metadata.httpStatusCode).toBe(204);
    expect(await listTags(lambda, name)).toEqual({ team: 'payments', env: 'staging', owner: 'ana' });

    const untagged = await lambda.send(
      new UntagResourceCommand({ Resource: arnPrefix + name, TagKeys: ['owner', 'never-set'] }),
    );
    expect(untagged.$metadata.httpStatusCode).toBe(204);
    expect(await listTags(lambda, name)).toEqual({ team: 'payments', env: 'staging' });

    await lambda.send(new UntagResourceCommand({ Resource: arnPrefix + name, TagKeys: ['team', 'env'] }));
    expect(await listTags(lambda, name)).toEqual({});
    expect(await lambda.send(new GetFunctionCommand({ FunctionName: name }))).not.toHaveProperty('Tags');
  });

  test('the boundaries AWS allows are accepted: 128-character keys, 256-character and empty values, 50 tags', async () => {
    // Characters, not UTF-16 units: 128 emoji are 256 units but 128 characters.
    const edges = { ['k'.repeat(128)]: 'v'.repeat(256), ['🙂'.repeat(128)]: '🙂'.repeat(256), empty: '' };
    const name = await createFunction(lambda, 'tags-edges', edges);
    expect(await listTags(lambda, name)).toEqual(edges);

    const full = await createFunction(lambda, 'tags-fifty', manyTags(50));
    expect(Object.keys((await listTags(lambda, full)) ?? {})).toHaveLength(50);
    // Overwriting an existing key keeps the count at 50.
    await lambda.send(new TagResourceCommand({ Resource: arnPrefix + full, Tags: { k00: 'changed' } }));
    expect((await listTags(lambda, full))?.k00).toBe('changed');
  });

  test.each([
    ['an empty key', { '': 'x' }, "The tag key '' is invalid: a tag key must be 1 to 128 characters long (got 0)."],
    ['a 129-character key', { ['k'.repeat(129)]: 'x' }, 'a tag key must be 1 to 128 characters long (got 129)'],
    ['a 257-character value', { long: 'v'.repeat(257) }, "The value of tag 'long' is invalid: a tag value must be at most 256 characters long (got 257)."],
    ['a key in the aws: namespace', { 'aws:cloudformation:stack-name': 's' }, "keys starting with 'aws:' are reserved for use by AWS"],
    ['the aws: prefix in capitals', { 'AWS:owner': 's' }, "The tag key 'AWS:owner' is invalid: keys starting with 'aws:' are reserved"],
    ['an empty map', {}, 'An error occurred and the request cannot be processed.'],
  ])('TagResource refuses %s with InvalidParameterValueException and changes nothing', async (_case, tags, message) => {
    const name = await createFunction(lambda, 'tags-invalid', { kept: 'yes' });
    await expect(lambda.send(new TagResourceCommand({ Resource: arnPrefix + name, Tags: tags }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining(message),
      $metadata: { httpStatusCode: 400 },
    });
    expect(await listTags(lambda, name)).toEqual({ kept: 'yes' });
  });

  test('at most 50 tags: TagResource counts the tags a function already has; CreateFunction creates nothing beyond', async () => {
    const name = await createFunction(lambda, 'tags-limit', manyTags(49));
    await expect(
      lambda.send(new TagResourceCommand({ Resource: arnPrefix + name, Tags: { extra1: 'x', extra2: 'y' } })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Number of tags exceeds resource tag limit. A function can have at most 50 tags.',
    });
    expect(Object.keys((await listTags(lambda, name)) ?? {})).toHaveLength(49);

    const refused = uniqueName('tags-create-51');
    await expect(
      lambda.send(
        new CreateFunctionCommand({ FunctionName: refused, Runtime: 'nodejs20.x', Role: testRole, Handler: 'index.handler', Code: { ZipFile }, Tags: manyTags(51) }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: expect.stringContaining('Number of tags exceeds resource tag limit') });
    await expect(
      lambda.send(
        new CreateFunctionCommand({ FunctionName: refused, Runtime: 'nodejs20.x', Role: testRole, Handler: 'index.handler', Code: { ZipFile }, Tags: { 'aws:x': 'y' } }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: expect.stringContaining("'aws:'") });
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: refused }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('a version or alias ARN is refused by all three operations', async () => {
    const name = await createFunction(lambda, 'tags-qualified', { team: 'payments' });
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
    const refusal = {
      name: 'InvalidParameterValueException',
      message: 'Tags on function aliases and versions are not supported. Please specify a function ARN.',
      $metadata: { httpStatusCode: 400 },
    };
    for (const qualifier of ['1', 'live', '$LATEST']) {
      const Resource = `${arnPrefix}${name}:${qualifier}`;
      await expect(lambda.send(new TagResourceCommand({ Resource, Tags: { a: 'b' } }))).rejects.toMatchObject(refusal);
      await expect(lambda.send(new ListTagsCommand({ Resource }))).rejects.toMatchObject(refusal);
      await expect(lambda.send(new UntagResourceCommand({ Resource, TagKeys: ['team'] }))).rejects.toMatchObject(refusal);
    }
    expect(await listTags(lambda, name)).toEqual({ team: 'payments' });
  });

  test('an unknown function, another account and a bare name are refused; UntagResource needs keys', async () => {
    const missing = uniqueName('tags-missing');
    const notFound = { name: 'ResourceNotFoundException', message: `Function not found: ${arnPrefix}${missing}`, $metadata: { httpStatusCode: 404 } };
    await expect(lambda.send(new ListTagsCommand({ Resource: arnPrefix + missing }))).rejects.toMatchObject(notFound);
    await expect(lambda.send(new TagResourceCommand({ Resource: arnPrefix + missing, Tags: { a: 'b' } }))).rejects.toMatchObject(notFound);
    await expect(lambda.send(new UntagResourceCommand({ Resource: arnPrefix + missing, TagKeys: ['a'] }))).rejects.toMatchObject(notFound);

    const name = await createFunction(lambda, 'tags-errors', { team: 'payments' });
    const otherAccount = `arn:aws:lambda:us-east-1:111111111111:function:${name}`;
    await expect(lambda.send(new ListTagsCommand({ Resource: otherAccount }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${otherAccount}`,
    });
    await expect(lambda.send(new TagResourceCommand({ Resource: name, Tags: { a: 'b' } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(`Value '${name}' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern`),
    });
    // The SDK sends no tagKeys for an empty list: AWS reports the member as missing.
    await expect(lambda.send(new UntagResourceCommand({ Resource: arnPrefix + name, TagKeys: [] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
    });
    expect(await listTags(lambda, name)).toEqual({ team: 'payments' });
  });

  test('tags go away with the function', async () => {
    const name = await createFunction(lambda, 'tags-delete', { team: 'payments' });
    await lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
    await expect(lambda.send(new ListTagsCommand({ Resource: arnPrefix + name }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    await lambda.send(
      new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: testRole, Handler: 'index.handler', Code: { ZipFile } }),
    );
    expect(await listTags(lambda, name)).toEqual({});
    expect(await lambda.send(new GetFunctionCommand({ FunctionName: name }))).not.toHaveProperty('Tags');
  });
});

describe('tags through the AWS CLI v2', () => {
  test('tag-resource, list-tags, untag-resource and get-function', async () => {
    const name = await createFunction(lambda, 'cli-tags', { team: 'search' });
    const arn = arnPrefix + name;

    const tagged = await runAwsCli(emulator.url, ['lambda', 'tag-resource', '--resource', arn, '--tags', 'env=dev,owner=ana']);
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.stdout.trim()).toBe('');
    const listed = await runAwsCli(emulator.url, ['lambda', 'list-tags', '--resource', arn]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json).toEqual({ Tags: { team: 'search', env: 'dev', owner: 'ana' } });

    const untagged = await runAwsCli(emulator.url, ['lambda', 'untag-resource', '--resource', arn, '--tag-keys', 'owner', 'env']);
    expect(untagged.code, untagged.stderr).toBe(0);
    const fn = await runAwsCli(emulator.url, ['lambda', 'get-function', '--function-name', name]);
    expect(fn.code, fn.stderr).toBe(0);
    expect(fn.json).toMatchObject({ Configuration: { FunctionName: name }, Tags: { team: 'search' } });
    expect((fn.json as { Tags: Record<string, string> }).Tags).toEqual({ team: 'search' });
  });

  test('errors exit non-zero and name the exception and the reason', async () => {
    const name = await createFunction(lambda, 'cli-tags-errors');
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));

    const qualified = await runAwsCli(emulator.url, ['lambda', 'tag-resource', '--resource', `${arnPrefix}${name}:1`, '--tags', 'a=b']);
    expect(qualified.code).not.toBe(0);
    expect(qualified.stderr).toContain('InvalidParameterValueException');
    expect(qualified.stderr).toContain('Tags on function aliases and versions are not supported');

    const reserved = await runAwsCli(emulator.url, ['lambda', 'tag-resource', '--resource', arnPrefix + name, '--tags', 'aws:owner=me']);
    expect(reserved.code).not.toBe(0);
    expect(reserved.stderr).toContain('InvalidParameterValueException');
    expect(reserved.stderr).toContain("keys starting with 'aws:' are reserved");

    const missing = uniqueName('cli-tags-missing');
    const unknown = await runAwsCli(emulator.url, ['lambda', 'list-tags', '--resource', arnPrefix + missing]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('ResourceNotFoundException');
    expect(unknown.stderr).toContain(`Function not found: ${arnPrefix}${missing}`);
  });
});

test('tags survive a restart on the same data directory, and a functions.json from before tags still loads', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lambdascope-tags-'));
  try {
    const first = await startEmulator({ port: 0, dataDir });
    const client = sdkClients(first.url).lambda;
    const tagged = await createFunction(client, 'tags-persist', { team: 'payments' });
    await client.send(new TagResourceCommand({ Resource: arnPrefix + tagged, Tags: { env: 'prod', owner: 'ana' } }));
    await client.send(new UntagResourceCommand({ Resource: arnPrefix + tagged, TagKeys: ['owner'] }));
    const untagged = await createFunction(client, 'tags-persist-none');
    await first.close();

    const second = await startEmulator({ port: 0, dataDir });
    try {
      const reopened = sdkClients(second.url).lambda;
      expect(await listTags(reopened, tagged)).toEqual({ team: 'payments', env: 'prod' });
      expect((await reopened.send(new GetFunctionCommand({ FunctionName: tagged }))).Tags).toEqual({ team: 'payments', env: 'prod' });
      expect(await listTags(reopened, untagged)).toEqual({});
    } finally {
      await second.close();
    }

    // A data directory written before functions had tags: its records carry no `tags` member.
    const file = path.join(dataDir, 'lambda', 'functions.json');
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as { functions: Array<Record<string, unknown>> };
    await writeFile(file, JSON.stringify({ functions: snapshot.functions.map(({ tags: _tags, ...record }) => record) }));
    const third = await startEmulator({ port: 0, dataDir });
    try {
      const reopened = sdkClients(third.url).lambda;
      expect(await listTags(reopened, tagged)).toEqual({});
      await reopened.send(new TagResourceCommand({ Resource: arnPrefix + untagged, Tags: { again: 'yes' } }));
      expect(await listTags(reopened, untagged)).toEqual({ again: 'yes' });
    } finally {
      await third.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
