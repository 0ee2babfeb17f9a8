import { z } from 'zod';
import { OVERVIEW_SORTS } from './arrange-function-summaries';

/** The overview's table as a URL names it (page and /api/v1 alike): sort, dir, filter. */
export const overviewQuerySchema = z.object({
  sort: z.enum(OVERVIEW_SORTS).default('invocations'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  filter: z.string().trim().max(200).default(''),
});
