import { z } from "zod";
import { ZEmail } from "@/lib/auth/email";
import { ROLES } from "@/lib/auth/permissions";
import { ZCountryCode } from "@/lib/geo/countries";
import { isValidSlug } from "./slug";

export const ZOrgSlug = z.string().trim().toLowerCase().max(60).refine(isValidSlug, "orgs.slug.invalid");
export const ZOrgName = z.string().trim().min(2, "orgs.name.tooShort").max(150, "orgs.name.tooLong");
export const ZRole = z.enum(ROLES);
/** A row id (cuid): refused before it reaches a query when it cannot be one. */
const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const ZCreateOrganizationSchema = z.object({ name: ZOrgName, country: ZCountryCode, slug: ZOrgSlug });
export type TCreateOrganizationSchema = z.input<typeof ZCreateOrganizationSchema>;

export const ZUpdateOrganizationSchema = z.object({
  orgSlug: z.string(),
  name: ZOrgName,
  country: ZCountryCode,
  slug: ZOrgSlug,
});
export type TUpdateOrganizationSchema = z.input<typeof ZUpdateOrganizationSchema>;

export const ZDeleteOrganizationSchema = z.object({ orgSlug: z.string(), confirmation: z.string().max(200) });
export type TDeleteOrganizationSchema = z.input<typeof ZDeleteOrganizationSchema>;

export const ZInviteMemberSchema = z.object({ orgSlug: z.string(), email: ZEmail, role: ZRole });
export type TInviteMemberSchema = z.input<typeof ZInviteMemberSchema>;

export const ZInvitationRefSchema = z.object({ orgSlug: z.string(), invitationId: ZId });
export const ZMemberRefSchema = z.object({ orgSlug: z.string(), membershipId: ZId });
export const ZChangeRoleSchema = z.object({ orgSlug: z.string(), membershipId: ZId, role: ZRole });
export const ZOrgRefSchema = z.object({ orgSlug: z.string() });
export const ZAcceptInvitationSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "orgs.invitations.invalid") });
