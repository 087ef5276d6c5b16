"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/actions/action";
import { acceptRequest, declineRequest, replyToRequest, withdrawRequest } from "./respond-to-request";
import { ZDeclineRequestSchema, ZReplyRequestSchema, ZRequestRefSchema, ZSendRequestSchema } from "./schemas";
import { sendCooperationRequest } from "./send-request";

// Server actions for cooperation requests. Each goes through userAction
// (parse with the form's zod schema, session, translated errors); the domain
// functions check membership, permission and which side of the request the
// acting organisation is on. A "use server" file may export only async
// functions, so the wrapped handlers stay private.

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

/** The acting organisation's pages that show requests: its layout (the nav badge), lists and request pages. */
function refresh(orgSlug: string) {
  revalidatePath(`/o/${orgSlug}`, "layout");
}

const send = userAction(ZSendRequestSchema, async (input, { user, ip }) => {
  const { id, orgSlug } = await sendCooperationRequest(input, { actor: actor(user), ip });
  refresh(orgSlug);
  return { id, orgSlug, path: `/o/${orgSlug}/requests/${id}` };
});

const reply = userAction(ZReplyRequestSchema, async (input, { user, ip }) => {
  const result = await replyToRequest(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const accept = userAction(ZRequestRefSchema, async (input, { user, ip }) => {
  const result = await acceptRequest(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const decline = userAction(ZDeclineRequestSchema, async (input, { user, ip }) => {
  const result = await declineRequest(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const withdraw = userAction(ZRequestRefSchema, async (input, { user, ip }) => {
  const result = await withdrawRequest(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

export async function sendCooperationRequestAction(input: unknown) {
  return send(input);
}

export async function replyToRequestAction(input: unknown) {
  return reply(input);
}

export async function acceptRequestAction(input: unknown) {
  return accept(input);
}

export async function declineRequestAction(input: unknown) {
  return decline(input);
}

export async function withdrawRequestAction(input: unknown) {
  return withdraw(input);
}
