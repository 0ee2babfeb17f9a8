import { z } from 'zod';

/** A numeric id in a URL path (`/functions/12`): a positive int4, or a 400/404 naming the parameter. */
export const idParamSchema = z.coerce.number().int().positive().max(2_147_483_647);
