import { AppError } from '../errors';

/** A request's JSON body, or AppError('validation') when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('validation', 'body: must be a JSON object', 'body');
  }
}
