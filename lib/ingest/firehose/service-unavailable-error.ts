import { AppError } from '../../errors';

/**
 * A failure that will pass without the sender changing anything (database down, endpoint not
 * configured yet): 503, so Firehose keeps the data and retries.
 */
export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super('unavailable', message);
    this.name = 'ServiceUnavailableError';
  }
}
