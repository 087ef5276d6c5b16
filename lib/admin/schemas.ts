import { z } from "zod";

export const ZSetUserSuspendedSchema = z.object({
  userId: z.string().trim().min(1).max(64),
  suspended: z.boolean(),
});
export type TSetUserSuspendedSchema = z.input<typeof ZSetUserSuspendedSchema>;
