import { z } from 'zod';
import { InternetIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

/** The public internet as an actor: where users and outside services are. */
export const InternetSchema = z.object({
  kind: z.literal('internet'),
  id: InternetIdSchema,
  name: NameSchema,
});
export type Internet = z.infer<typeof InternetSchema>;
