"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { userAction, type ActionResult } from "@/lib/actions/action";
import { fileUrl } from "@/lib/storage/file-url";
import { uploadLogo } from "./logo";
import { MAX_LOGO_BYTES } from "./logo-rules";
import { submitProfile, updateProfile } from "./profiles";
import { ZProfileSchema, ZSubmitProfileSchema } from "./schemas";

// Server actions for the profile editor. The wrapper parses the input with
// the form's own zod schema, loads the session and translates DomainErrors
// (a ProfileConflictError arrives as the message naming the other editor,
// with the field "version"); the domain functions check membership and
// permission themselves. A "use server" file may export only async
// functions, hence the named wrappers around the handlers.

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

/** The editor and the public page show the profile: both are rendered per request, refresh the editor's data. */
function refreshProfile(orgSlug: string) {
  revalidatePath(`/o/${orgSlug}/profile`);
  revalidatePath(`/clusters/${orgSlug}`);
}

const update = userAction(ZProfileSchema, async (input, { user, ip }) => {
  const result = await updateProfile(input, { actor: actor(user), ip });
  refreshProfile(input.orgSlug);
  return result;
});
export async function updateProfileAction(input: unknown): Promise<ActionResult<{ version: number; pendingReview: boolean }>> {
  return update(input);
}

const submit = userAction(ZSubmitProfileSchema, async (input, { user, ip }) => {
  await submitProfile(input, { actor: actor(user), ip });
  refreshProfile(input.orgSlug);
  return null;
});
export async function submitProfileAction(input: unknown): Promise<ActionResult<null>> {
  return submit(input);
}

/**
 * The uploaded file. Its size is checked before its bytes are read; its
 * type is not taken from the browser's claim or the name: uploadLogo
 * sniffs the bytes and re-encodes them.
 */
const ZLogoUploadSchema = z.object({
  orgSlug: z.string().max(100),
  logo: z
    .custom<Blob>((value) => typeof Blob !== "undefined" && value instanceof Blob, "profiles.logo.empty")
    .refine((file) => file.size > 0, "profiles.logo.empty")
    .refine((file) => file.size <= MAX_LOGO_BYTES, "profiles.logo.tooLarge"),
});

const upload = userAction(ZLogoUploadSchema, async (input, { user, ip }) => {
  const bytes = new Uint8Array(await input.logo.arrayBuffer());
  const { logoKey } = await uploadLogo({ orgSlug: input.orgSlug, bytes }, { actor: actor(user), ip });
  refreshProfile(input.orgSlug);
  return { logoUrl: fileUrl(logoKey) };
});
/** Takes FormData with `orgSlug` and a `logo` file (next.config.ts lets action bodies reach 3 MB). */
export async function uploadLogoAction(formData: FormData): Promise<ActionResult<{ logoUrl: string }>> {
  return upload(formData);
}
