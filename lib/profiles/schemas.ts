import { z } from "zod";
import { ZCountryCode } from "@/lib/geo/countries";
import { ZOrgName } from "@/lib/orgs/schemas";

/**
 * The profile form's schema, shared by the editor (react-hook-form +
 * zodResolver) and the update action. Messages are keys in the `profiles`
 * namespace. Limits are generous for real content and tight against abuse.
 */
// PostgreSQL refuses NUL in text: drop it rather than fail with a database error.
const stripNul = (value: string) => value.replaceAll("\u0000", "");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "profiles.errors.tooLong")
    .transform((value) => (value === "" ? null : stripNul(value)))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const text = (max: number) => z.string().trim().max(max, "profiles.errors.tooLong").transform(stripNul).default("");

const count = z.coerce
  .number({ message: "profiles.errors.wholeNumber" })
  .int("profiles.errors.wholeNumber")
  .min(0, "profiles.errors.notNegative")
  .max(1_000_000, "profiles.errors.tooLarge");

/** A decimal typed the Russian way ("55,67") is the same number as "55.67". */
const decimalComma = (value: unknown) => (typeof value === "string" ? value.trim().replace(",", ".") : value);

/**
 * An optional number: an empty field ("", or NaN from an empty number input)
 * means "not given" (null). Plain z.coerce.number() would turn "" into 0,
 * which for a latitude is a real place in the Gulf of Guinea.
 */
const optionalNumber = <T extends z.ZodType<number, unknown>>(inner: T) =>
  z.preprocess((raw) => {
    const value = decimalComma(raw);
    return value === undefined || value === null || value === "" || (typeof value === "number" && Number.isNaN(value)) ? null : value;
  }, inner.nullable());

/** Accepts its own output (null) as well as the form's empty string, so the schema can parse twice. */
const nullToEmpty = (value: unknown) => (value === null || value === undefined ? "" : value);

const code = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9-]+$/, "profiles.errors.invalidCode");

export const ZWebsite = z.preprocess(
  nullToEmpty,
  z
    .string()
    .trim()
    .max(300, "profiles.errors.tooLong")
    .refine((value) => {
      if (value === "") return true;
      try {
        const url = new URL(value);
        // Only web addresses: a javascript: or data: link would run in visitors' browsers.
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, "profiles.errors.website")
    .transform((value) => (value === "" ? null : value)),
);

export const ZProfileSchema = z.object({
  orgSlug: z.string().max(100),
  /** The version the editor started from (optimistic concurrency). */
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  name: ZOrgName,
  country: ZCountryCode,
  acronym: optionalText(30),
  region: optionalText(120),
  city: optionalText(120),
  latitude: optionalNumber(
    z.coerce.number({ message: "profiles.errors.latitude" }).min(-90, "profiles.errors.latitude").max(90, "profiles.errors.latitude"),
  ),
  longitude: optionalNumber(
    z.coerce.number({ message: "profiles.errors.longitude" }).min(-180, "profiles.errors.longitude").max(180, "profiles.errors.longitude"),
  ),
  yearFounded: optionalNumber(
    z.coerce
      .number({ message: "profiles.errors.year" })
      .int("profiles.errors.year")
      .min(1800, "profiles.errors.year")
      // Checked at parse time, not when the module loaded: a server running over New Year's Eve.
      .refine((year) => year <= new Date().getFullYear(), "profiles.errors.year"),
  ),
  website: ZWebsite,
  contactName: optionalText(120),
  contactRole: optionalText(120),
  contactEmail: z.preprocess(
    nullToEmpty,
    z
      .string()
      .trim()
      .max(254, "profiles.errors.tooLong")
      .refine((value) => value === "" || z.email().safeParse(value).success, "auth.email.invalid")
      .transform((value) => (value === "" ? null : value.toLowerCase())),
  ),
  descriptionEn: text(5000),
  descriptionRu: text(5000),
  offers: text(1000),
  seeks: text(1000),
  ecosystems: z.array(code).max(14, "profiles.errors.tooMany").default([]),
  sectors: z.array(code).max(21, "profiles.errors.tooMany").default([]),
  keywords: z.array(code).max(30, "profiles.errors.tooMany").default([]),
  tags: z
    .array(z.string().trim().toLowerCase().min(2, "profiles.errors.tag").max(40, "profiles.errors.tag").transform(stripNul))
    .max(20, "profiles.errors.tooMany")
    .default([]),
  membersSme: count,
  membersLarge: count,
  membersResearch: count,
  membersUniversity: count,
  membersPublic: count,
  membersOther: count,
  managementFte: z.preprocess(
    decimalComma,
    z.coerce.number({ message: "profiles.errors.number" }).min(0, "profiles.errors.notNegative").max(999, "profiles.errors.tooLarge"),
  ),
  label: z.enum(["NONE", "BRONZE", "SILVER", "GOLD"], { message: "profiles.errors.invalidCode" }),
  targetCountries: z.array(ZCountryCode).max(60, "profiles.errors.tooMany").default([]),
  internationalisationLevel: optionalNumber(
    z.coerce.number({ message: "profiles.errors.level" }).int("profiles.errors.level").min(1, "profiles.errors.level").max(4, "profiles.errors.level"),
  ),
  supportProgrammes: text(1000),
});
export type TProfileSchema = z.input<typeof ZProfileSchema>;
export type ProfileInput = z.output<typeof ZProfileSchema>;

export const ZSubmitProfileSchema = z.object({ orgSlug: z.string().max(100) });
export const ZReviewProfileSchema = z.object({
  organizationId: z.string().min(1).max(64),
  decision: z.enum(["approve", "reject"]),
  reason: z.string().trim().max(2000, "profiles.errors.tooLong").default(""),
});
export type TReviewProfileSchema = z.input<typeof ZReviewProfileSchema>;
