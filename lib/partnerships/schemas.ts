import { z } from "zod";
import { isCountryCode } from "@/lib/geo/countries";

/** Tie strengths from weakest to strongest (the order of the TieStrength enum). */
export const TIE_STRENGTHS = ["WEAK", "DURABLE", "COVALENT"] as const;
export type TieStrength = (typeof TIE_STRENGTHS)[number];
export const ZTieStrength = z.enum(TIE_STRENGTHS);

export function isTieStrength(value: unknown): value is TieStrength {
  return typeof value === "string" && (TIE_STRENGTHS as readonly string[]).includes(value);
}

/** The one tie a partnership may be raised to next, or null at the strongest. */
export function nextTie(tie: TieStrength): TieStrength | null {
  return TIE_STRENGTHS[TIE_STRENGTHS.indexOf(tie) + 1] ?? null;
}

/** The glyph and CSS names of a tie (components/layout/tie-glyph.tsx). */
export function tieKind(tie: TieStrength): "weak" | "durable" | "covalent" {
  return tie === "WEAK" ? "weak" : tie === "DURABLE" ? "durable" : "covalent";
}

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 1000;
export const REASON_MAX = 1000;

/** A row id (cuid): refused before it reaches a query when it cannot be one. */
export const ZPartnershipId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.notFound");
const ZOrgSlugRef = z.string().max(100);

/** An optional free text: blank becomes undefined. */
const ZOptionalReason = z
  .string()
  .trim()
  .max(REASON_MAX, "partnerships.reason.tooLong")
  .optional()
  .transform((value) => (value ? value : undefined));

export const ZPartnershipRefSchema = z.object({ orgSlug: ZOrgSlugRef, partnershipId: ZPartnershipId });
export type TPartnershipRefSchema = z.input<typeof ZPartnershipRefSchema>;

/**
 * A proposal to raise the tie by one step, with what stands behind it: the
 * concrete project or agreement (durable), or the strategic two-way
 * value-chain relationship (covalent).
 */
export const ZProposeTieRaiseSchema = z.object({
  orgSlug: ZOrgSlugRef,
  partnershipId: ZPartnershipId,
  tie: z.enum(["DURABLE", "COVALENT"], { message: "partnerships.tie.invalid" }),
  description: z
    .string({ message: "partnerships.description.tooShort" })
    .trim()
    .min(DESCRIPTION_MIN, "partnerships.description.tooShort")
    .max(DESCRIPTION_MAX, "partnerships.description.tooLong"),
});
export type TProposeTieRaiseSchema = z.input<typeof ZProposeTieRaiseSchema>;

export const ZDeclineTieRaiseSchema = z.object({
  orgSlug: ZOrgSlugRef,
  partnershipId: ZPartnershipId,
  reason: ZOptionalReason,
});
export type TDeclineTieRaiseSchema = z.input<typeof ZDeclineTieRaiseSchema>;

export const ZEndPartnershipSchema = z.object({
  orgSlug: ZOrgSlugRef,
  partnershipId: ZPartnershipId,
  reason: ZOptionalReason,
});
export type TEndPartnershipSchema = z.input<typeof ZEndPartnershipSchema>;

// ---------------------------------------------------------------------------
// The network page's URL: ?tie=DURABLE&country=FR&ended=1&sort=partner.asc
// ---------------------------------------------------------------------------

export const PARTNER_SORTS = ["partner", "country", "tie", "since", "lastActivity"] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];
export const DEFAULT_PARTNER_SORT = { id: "lastActivity", desc: true } as const satisfies { id: PartnerSort; desc: boolean };

export type NetworkFilters = { tie: TieStrength | null; country: string | null; includeEnded: boolean };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function firstParam(params: SearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Filters from the URL; anything unknown is ignored rather than refused, so a stale link still shows the network. */
export function parseNetworkFilters(params: SearchParams): NetworkFilters {
  const tie = firstParam(params, "tie")?.toUpperCase();
  const country = firstParam(params, "country")?.toUpperCase();
  const ended = firstParam(params, "ended");
  return {
    tie: isTieStrength(tie) ? tie : null,
    country: country && country.length === 2 && isCountryCode(country) ? country : null,
    includeEnded: ended === "1" || ended === "true",
  };
}
