import { z } from 'zod';

/** The alias members CreateAlias and UpdateAlias share, with the model's constraints. */
export const aliasMembers = {
  Name: z
    .string()
    .min(1, 'Member must have length greater than or equal to 1')
    .max(128, 'Member must have length less than or equal to 128')
    .regex(/^(?!^[0-9]+$)[a-zA-Z0-9-_]+$/, 'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)'),
  FunctionVersion: z
    .string()
    .min(1, 'Member must have length greater than or equal to 1')
    .max(1024, 'Member must have length less than or equal to 1024')
    .regex(/^(\$LATEST|[0-9]+)$/, 'Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)'),
  Description: z.string().max(256, 'Member must have length less than or equal to 256'),
  RoutingConfig: z.object({
    AdditionalVersionWeights: z
      .record(
        z.string().regex(/^[0-9]{1,1024}$/, 'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [0-9]+]'),
        z
          .number()
          .min(0, 'Map value must satisfy constraint: [Member must have value greater than or equal to 0.0]')
          .max(1, 'Map value must satisfy constraint: [Member must have value less than or equal to 1.0]'),
      )
      .optional(),
  }),
};
