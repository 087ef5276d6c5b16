"use server";

import { revalidatePath } from "next/cache";
import { platformAdminAction, type ActionResult } from "@/lib/actions/action";
import { ZSetUserSuspendedSchema } from "./schemas";
import { setUserSuspended } from "./users";

// A "use server" file may export only async functions, hence the named
// wrapper around the handler built with platformAdminAction.

const setUserSuspendedHandler = platformAdminAction(ZSetUserSuspendedSchema, async (input, ctx) => {
  await setUserSuspended(input, { actor: ctx.user, ip: ctx.ip });
  revalidatePath("/admin", "layout");
  return { suspended: input.suspended };
});

/** Suspends a user or lifts the suspension (platform administrators only; others get "not found"). */
export async function setUserSuspendedAction(input: unknown): Promise<ActionResult<{ suspended: boolean }>> {
  return setUserSuspendedHandler(input);
}
