"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/actions/action";
import { dismissRecommendation, undoDismissRecommendation } from "./dismiss-recommendation";
import { ZDismissRecommendationSchema } from "./schemas";

// Server actions of the recommendations page. The domain functions check the
// membership and the "requests:send" permission themselves.

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

const dismiss = userAction(ZDismissRecommendationSchema, async (input, { user }) => {
  const target = await dismissRecommendation(input, { actor: actor(user) });
  revalidatePath(`/o/${input.orgSlug}/recommendations`);
  return target;
});

const undo = userAction(ZDismissRecommendationSchema, async (input, { user }) => {
  const target = await undoDismissRecommendation(input, { actor: actor(user) });
  revalidatePath(`/o/${input.orgSlug}/recommendations`);
  return target;
});

export async function dismissRecommendationAction(input: unknown) {
  return dismiss(input);
}

export async function undoDismissRecommendationAction(input: unknown) {
  return undo(input);
}
