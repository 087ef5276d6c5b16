"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { userAction } from "@/lib/actions/action";
import { acceptInvitation, inviteMember, resendInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, leaveOrganization, removeMember, transferOwnership } from "./members";
import { createOrganization, deleteOrganization, updateOrganization } from "./organizations";
import {
  ZAcceptInvitationSchema,
  ZChangeRoleSchema,
  ZCreateOrganizationSchema,
  ZDeleteOrganizationSchema,
  ZInvitationRefSchema,
  ZInviteMemberSchema,
  ZMemberRefSchema,
  ZOrgRefSchema,
  ZUpdateOrganizationSchema,
} from "./schemas";

// Server actions for organisations. Each goes through userAction (parse with
// the form's zod schema, session, translated errors); the domain functions
// check membership and permission themselves (requireMembership).
// A "use server" file may export only async functions, so the wrapped
// handlers stay private and are called from exported functions. Actions
// after which the current page no longer exists (create, delete, leave, a
// new slug, accept) redirect; call them inside startTransition so the
// redirect is followed.

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

/** The header's organisation switcher and /orgs list every membership: refresh them. */
function refreshMemberships() {
  revalidatePath("/", "layout");
}

const create = userAction(ZCreateOrganizationSchema, async (input, { user, ip }) => {
  const { slug } = await createOrganization(input, { actor: actor(user), ip });
  refreshMemberships();
  redirect(`/o/${slug}`);
});

const update = userAction(ZUpdateOrganizationSchema, async (input, { user, ip }) => {
  const { slug } = await updateOrganization(input, { actor: actor(user), ip });
  refreshMemberships();
  // The old address is gone: continue on the new one.
  if (slug !== input.orgSlug) redirect(`/o/${slug}/settings`);
  return { slug };
});

const remove = userAction(ZDeleteOrganizationSchema, async (input, { user, ip }) => {
  await deleteOrganization(input, { actor: actor(user), ip });
  refreshMemberships();
  redirect("/orgs");
});

const invite = userAction(ZInviteMemberSchema, async (input, { user, ip }) => {
  await inviteMember(input, { actor: actor(user), ip });
  revalidatePath(`/o/${input.orgSlug}`, "layout");
  return { email: input.email };
});

const revoke = userAction(ZInvitationRefSchema, async (input, { user, ip }) => {
  await revokeInvitation(input, { actor: actor(user), ip });
  revalidatePath(`/o/${input.orgSlug}`, "layout");
  return null;
});

const resend = userAction(ZInvitationRefSchema, async (input, { user, ip }) => {
  await resendInvitation(input, { actor: actor(user), ip });
  revalidatePath(`/o/${input.orgSlug}`, "layout");
  return null;
});

const changeRole = userAction(ZChangeRoleSchema, async (input, { user, ip }) => {
  await changeMemberRole(input, { actor: actor(user), ip });
  refreshMemberships();
  return null;
});

const removeOne = userAction(ZMemberRefSchema, async (input, { user, ip }) => {
  await removeMember(input, { actor: actor(user), ip });
  revalidatePath(`/o/${input.orgSlug}`, "layout");
  return null;
});

const leave = userAction(ZOrgRefSchema, async (input, { user, ip }) => {
  await leaveOrganization(input, { actor: actor(user), ip });
  refreshMemberships();
  redirect("/orgs");
});

const transfer = userAction(ZMemberRefSchema, async (input, { user, ip }) => {
  await transferOwnership(input, { actor: actor(user), ip });
  refreshMemberships();
  return null;
});

const accept = userAction(ZAcceptInvitationSchema, async (input, { user, ip }) => {
  const { orgSlug } = await acceptInvitation(input, { actor: actor(user), ip });
  refreshMemberships();
  redirect(`/o/${orgSlug}`);
});

export async function createOrganizationAction(input: unknown) {
  return create(input);
}

export async function updateOrganizationAction(input: unknown) {
  return update(input);
}

export async function deleteOrganizationAction(input: unknown) {
  return remove(input);
}

export async function inviteMemberAction(input: unknown) {
  return invite(input);
}

export async function revokeInvitationAction(input: unknown) {
  return revoke(input);
}

export async function resendInvitationAction(input: unknown) {
  return resend(input);
}

export async function changeMemberRoleAction(input: unknown) {
  return changeRole(input);
}

export async function removeMemberAction(input: unknown) {
  return removeOne(input);
}

export async function leaveOrganizationAction(input: unknown) {
  return leave(input);
}

export async function transferOwnershipAction(input: unknown) {
  return transfer(input);
}

export async function acceptInvitationAction(input: unknown) {
  return accept(input);
}
