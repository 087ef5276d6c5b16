"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/actions/action";
import { confirmTieRaise, declineTieRaise, endPartnership, proposeTieRaise, withdrawTieRaise } from "./commands";
import { ZDeclineTieRaiseSchema, ZEndPartnershipSchema, ZPartnershipRefSchema, ZProposeTieRaiseSchema } from "./schemas";

// Server actions for partnerships. Each goes through userAction (parse with
// the form's zod schema, session, translated errors); the domain functions
// check membership, permission and that the partnership is the acting
// organisation's own (lib/partnerships/commands.ts).

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

/** The partnership page, the network and the navigation's counts of this organisation. */
function refresh(orgSlug: string) {
  revalidatePath(`/o/${orgSlug}`, "layout");
}

const propose = userAction(ZProposeTieRaiseSchema, async (input, { user, ip }) => {
  const result = await proposeTieRaise(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const confirm = userAction(ZPartnershipRefSchema, async (input, { user, ip }) => {
  const result = await confirmTieRaise(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const decline = userAction(ZDeclineTieRaiseSchema, async (input, { user, ip }) => {
  const result = await declineTieRaise(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const withdraw = userAction(ZPartnershipRefSchema, async (input, { user, ip }) => {
  const result = await withdrawTieRaise(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

const end = userAction(ZEndPartnershipSchema, async (input, { user, ip }) => {
  const result = await endPartnership(input, { actor: actor(user), ip });
  refresh(input.orgSlug);
  return result;
});

export async function proposeTieRaiseAction(input: unknown) {
  return propose(input);
}

export async function confirmTieRaiseAction(input: unknown) {
  return confirm(input);
}

export async function declineTieRaiseAction(input: unknown) {
  return decline(input);
}

export async function withdrawTieRaiseAction(input: unknown) {
  return withdraw(input);
}

export async function endPartnershipAction(input: unknown) {
  return end(input);
}
