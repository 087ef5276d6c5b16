"use server";

import { revalidatePath } from "next/cache";
import { platformAdminAction } from "@/lib/actions/action";
import { reviewProfile } from "./review";
import { ZReviewProfileSchema } from "./schemas";

/** A platform administrator approves or rejects what waits in the verification queue. */
export const reviewProfileAction = platformAdminAction(ZReviewProfileSchema, async (input, { user, ip }) => {
  await reviewProfile(input, { actor: user, ip });
  revalidatePath("/admin/review");
  return { decision: input.decision };
});
