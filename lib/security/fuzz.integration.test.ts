/**
 * Hostile input against everything a client can reach, on a real PostgreSQL:
 *
 * 1. every zod schema (lib/**\/schemas.ts and the other modules in
 *    SCHEMA_MODULES) gets any value at all: safeParse never throws;
 * 2. every server action (every export of every "use server" file in lib/),
 *    called as the browser calls it, with a real session cookie of a real
 *    user (or none): it answers { ok } or redirects, never throws, never logs
 *    an unexpected error; and when it refuses, the database is exactly as
 *    before (row counts and a hash of every table's rows);
 * 3. every route handler under app/api, called as Next.js calls it (a
 *    NextRequest, the route's params): the status is below 500 and no error
 *    answer carries a stack trace.
 *
 * Only the request scope Next.js would provide is replaced: next/headers
 * (the request's headers and cookies), next/cache (revalidatePath needs a
 * render) and next-intl's server translator. Domain code, schemas, next-auth,
 * the database and the mail outbox are the real ones.
 *
 * ADDING AN ENTRY (a guard fails until you do):
 * - a new server action: add `"lib/<area>/actions.ts#<exportName>": { schema: ZYourSchema }`
 *   to ACTION_CASES. The input's fields get plausible values by name from
 *   `plausibleValues()` (an orgSlug of the world, real row ids, …) or hostile
 *   ones; add a name there when the action takes a new kind of id or value
 *   (the case fails when fewer than 1 in 10 generated inputs pass its
 *   schema), and a row to `buildWorld()` when it needs one to reach its code.
 *   Inputs that are not plain objects (FormData) get a `payload` generator.
 * - a new route handler: add its file to ROUTE_CASES with the path (and the
 *   params of dynamic segments) and the query keys it reads.
 * - a new schemas.ts is found by itself; another module exporting schemas
 *   goes into SCHEMA_MODULES.
 */
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { createToken } from "@/lib/auth/tokens";
import { ROLES } from "@/lib/auth/permissions";
import { logger } from "@/lib/log/logger";
import { REQUEST_KINDS } from "@/lib/requests/schemas";
import { TIE_STRENGTHS } from "@/lib/partnerships/schemas";
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KIND_LIST } from "@/lib/notifications/kinds";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { wellFormedInput } from "./well-formed";
import { hostilePayload, hostileQuery, hostileString, hostileValue, SCRIPT_URLS, XSS_CORPUS } from "./hostile-input";

// ---------------------------------------------------------------------------
// The request scope (what Next.js provides to actions and route handlers)
// ---------------------------------------------------------------------------

const scope = vi.hoisted(() => {
  const state = { headers: new Headers(), cookies: new Map<string, string>() };
  const cookieStore = {
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.cookies.has(name),
    set(name: string | { name: string; value: string }, value?: string) {
      if (typeof name === "string") state.cookies.set(name, value ?? "");
      else state.cookies.set(name.name, name.value);
      return cookieStore;
    },
    delete(name: string) {
      state.cookies.delete(name);
      return cookieStore;
    },
  };
  const nextHeaders = {
    headers: async () => new Headers(state.headers),
    cookies: async () => cookieStore,
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
  return { state, nextHeaders };
});

vi.mock("next/headers", () => scope.nextHeaders);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => {},
  revalidateTag: () => {},
}));
vi.mock("next-intl/server", async (importOriginal) => {
  // Keys come back as they are: the test looks at outcomes, not wording.
  const t = Object.assign((key: string) => key, { has: () => true, rich: (key: string) => key, markup: (key: string) => key, raw: (key: string) => key });
  return {
    ...(await importOriginal<typeof import("next-intl/server")>()),
    getTranslations: async () => t,
    getLocale: async () => "en",
  };
});

// next-auth loads next/headers with require() from node_modules, which vi.mock does not reach.
const nodeRequire = createRequire(import.meta.url);
const nextHeadersPath = nodeRequire.resolve("next/headers");
const fakeModule = new Module(nextHeadersPath);
fakeModule.exports = scope.nextHeaders;
fakeModule.loaded = true;
fakeModule.filename = nextHeadersPath;
nodeRequire.cache[nextHeadersPath] = fakeModule;

const PASSWORD = "fuzzing is a careful craft 2026";
const SESSION_COOKIE = "next-auth.session-token";
let clientCounter = 0;

/** A fresh client address per call (TRUST_PROXY=1 in vitest.integration.config.ts), so rate limits do not hide code. */
function nextClientIp(): string {
  clientCounter += 1;
  return `198.18.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
}

async function enterRequest(actor: WorldUser | null) {
  scope.state.headers = new Headers({
    "x-forwarded-for": nextClientIp(),
    host: "localhost:3000",
    origin: "http://localhost:3000",
    "accept-language": "en",
  });
  scope.state.cookies = new Map();
  if (actor) {
    const token = await encode({ token: { uid: actor.id, sv: actor.sessionVersion }, secret: getEnv().authSecret });
    scope.state.cookies.set(SESSION_COOKIE, token);
  }
}

// ---------------------------------------------------------------------------
// The world: users in every role, organisations in every state, rows to point at
// ---------------------------------------------------------------------------

type WorldUser = { id: string; email: string; sessionVersion: number };
type World = Awaited<ReturnType<typeof buildWorld>>;
const ACTORS = ["owner", "admin", "editor", "member", "outsider", "platformAdmin", "anonymous"] as const;
type ActorName = (typeof ACTORS)[number];

let passwordHash: string;
let worldSeq = 0;

async function buildWorld() {
  await resetDatabase();
  const db = testDb();
  worldSeq += 1;
  const s = `${worldSeq}`;
  const user = (name: string, extra: { isPlatformAdmin?: boolean } = {}) =>
    db.user.create({
      data: { email: `${name}-${s}@example.org`, name: `Fuzz ${name}`, passwordHash, emailVerifiedAt: new Date(), ...extra },
      select: { id: true, email: true, sessionVersion: true },
    });
  const owner = await user("owner");
  const admin = await user("admin");
  const editor = await user("editor");
  const member = await user("member");
  const outsider = await user("outsider");
  const partnerOwner = await user("partner");
  const platformAdmin = await user("platform-admin", { isPlatformAdmin: true });

  const org = (slug: string, name: string, country: string, members: [WorldUser, "OWNER" | "ADMIN" | "EDITOR" | "MEMBER"][], status?: "DRAFT" | "PENDING" | "APPROVED") =>
    db.organization.create({
      data: {
        slug: `${slug}-${s}`,
        name,
        country,
        memberships: { create: members.map(([u, role]) => ({ userId: u.id, role })) },
        profile: status
          ? {
              create: {
                status,
                descriptionEn: `${name} brings companies and researchers together.`,
                ecosystems: ["health"],
                publishedAt: status === "APPROVED" ? new Date() : null,
                submittedAt: status === "PENDING" ? new Date() : null,
              },
            }
          : undefined,
      },
    });
  const orgA = await org("alpha", "Alpha Cluster", "DK", [[owner, "OWNER"], [admin, "ADMIN"], [editor, "EDITOR"], [member, "MEMBER"]], "APPROVED");
  const orgB = await org("beta", "Beta Cluster", "FR", [[partnerOwner, "OWNER"]], "APPROVED");
  const orgC = await org("gamma", "Gamma Cluster", "BR", [[outsider, "OWNER"]], "PENDING");
  const orgD = await org("delta", "Delta Cluster", "IN", [[owner, "OWNER"]]);

  const invitationToken = createToken();
  const invitation = await db.invitation.create({
    data: {
      organizationId: orgA.id,
      email: `invitee-${s}@example.org`,
      role: "EDITOR",
      tokenHash: invitationToken.tokenHash,
      invitedById: owner.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    },
  });
  const authTokens: string[] = [];
  for (const purpose of ["VERIFY_EMAIL", "RESET_PASSWORD", "CHANGE_EMAIL"] as const) {
    const token = createToken();
    authTokens.push(token.token);
    await db.authToken.create({
      data: {
        userId: member.id,
        purpose,
        tokenHash: token.tokenHash,
        newEmail: purpose === "CHANGE_EMAIL" ? `changed-${s}@example.org` : null,
        expiresAt: new Date(Date.now() + 3600 * 1000),
      },
    });
  }

  const [low, high] = orgA.id < orgB.id ? [orgA, orgB] : [orgB, orgA];
  const partnership = await db.partnership.create({
    data: { organizationAId: low.id, organizationBId: high.id, tie: "WEAK", proposedTie: "DURABLE", proposedByOrgId: orgB.id, proposedDescription: "A joint project on medical devices.", proposedAt: new Date() },
  });
  const request = await db.cooperationRequest.create({
    data: {
      senderId: orgB.id,
      receiverId: orgA.id,
      kind: "JOINT_PROJECT",
      subject: "Horizon Europe call",
      createdById: partnerOwner.id,
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      messages: { create: { organizationId: orgB.id, authorId: partnerOwner.id, authorName: "Fuzz partner", kind: "OPENING", body: "Shall we?" } },
    },
  });
  const notification = await db.notification.create({
    data: { userId: owner.id, organizationId: orgA.id, kind: NOTIFICATION_KIND_LIST[0]!, data: { path: `/o/${orgA.slug}`, orgName: orgB.name } },
  });
  const memberships = await db.membership.findMany({ select: { id: true } });

  const actors: Record<ActorName, WorldUser | null> = { owner, admin, editor, member, outsider, platformAdmin, anonymous: null };
  return {
    actors,
    users: [owner, admin, editor, member, outsider, partnerOwner, platformAdmin],
    orgs: [orgA, orgB, orgC, orgD],
    orgA,
    invitationToken: invitationToken.token,
    authTokens,
    ids: {
      membership: memberships.map((m) => m.id),
      invitation: [invitation.id],
      organization: [orgA.id, orgB.id, orgC.id, orgD.id],
      user: [owner.id, member.id, outsider.id, platformAdmin.id],
      partnership: [partnership.id],
      request: [request.id],
      notification: [notification.id],
    },
  };
}

// ---------------------------------------------------------------------------
// The database before and after
// ---------------------------------------------------------------------------

/**
 * Not compared: RateLimit, which a refused password check writes to on
 * purpose (the attempt counts against the sign-in limiter).
 */
const NOT_SNAPSHOTTED = new Set(["_prisma_migrations", "RateLimit"]);
let snapshotSql: string | undefined;

async function snapshot(): Promise<Record<string, string>> {
  const db = testDb();
  if (!snapshotSql) {
    const tables = (await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
      .map((t) => t.tablename)
      .filter((t) => !NOT_SNAPSHOTTED.has(t));
    snapshotSql = tables
      .map((t) => {
        const name = `"${t.replaceAll('"', '""')}"`;
        return `SELECT '${t}' AS t, (SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${name} x) AS h`;
      })
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(snapshotSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

// ---------------------------------------------------------------------------
// Plausible values by field name: they get generated input past the schema
// ---------------------------------------------------------------------------

const pick = <T,>(values: readonly T[]) => fc.constantFrom(...values);
/** Mostly a valid value, now and then a near miss (invalid but close): wide forms still get past their schema often. */
const mostly = <T,>(valid: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: nearMiss });
/** Plausible text: within limits, with markup and unicode in it (hostile lengths come from the mutations). */
const text = () =>
  fc.oneof(
    pick(XSS_CORPUS),
    fc.string({ minLength: 3, maxLength: 60 }),
    fc.array(pick(["Cluster ", "ß", "я", "👩‍🔬", "e\u0301", "\u202E", "\u0000", "<b>", "&amp;", "\uD800"]), { minLength: 3, maxLength: 12 }).map((parts) => `${parts.join("")} x`),
  );
const count = () => mostly<number | string>(fc.integer({ min: 0, max: 5_000 }), pick(["", "-1", "1e3", "NaN"]));
const decimal = (min: number, max: number) => mostly<number | string>(fc.double({ min, max, noNaN: true }), pick(["", "55,67", "-0", "abc"]));
const codes = (values: readonly string[]) => mostly(fc.uniqueArray(pick(values), { maxLength: 3 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }));
const email = (known: readonly string[]) =>
  mostly(fc.oneof(pick(known), fc.stringMatching(/^[a-z][a-z0-9.]{0,15}@example\.org$/)), pick(["not-an-email", "a@b", "UPPER@EXAMPLE.ORG"]));

function plausibleValues(world: World): Record<string, fc.Arbitrary<unknown>> {
  const slugs = world.orgs.map((o) => o.slug);
  const emails = world.users.map((u) => u.email);
  const token43 = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
  return {
    orgSlug: mostly(pick(slugs), pick(["no-such-cluster", ""])),
    receiverSlug: pick([...slugs, "no-such-cluster"]),
    targetSlug: pick([...slugs, "no-such-cluster"]),
    notificationId: pick([...world.ids.notification, "no-such-notification"]),
    preferences: fc.dictionary(pick([...NOTIFICATION_KIND_LIST, "__proto__", "constructor", "unknown.kind"]), pick([...NOTIFICATION_DELIVERIES, "NEVER"]), { maxKeys: 4 }),
    slug: fc.oneof(pick(slugs), fc.stringMatching(/^[a-z][a-z0-9-]{2,30}$/)),
    name: text(),
    subject: text(),
    message: text(),
    reason: text(),
    description: text(),
    descriptionEn: text(),
    descriptionRu: text(),
    offers: text(),
    seeks: text(),
    supportProgrammes: text(),
    acronym: fc.string({ maxLength: 12 }),
    region: text(),
    city: text(),
    contactName: text(),
    contactRole: text(),
    confirmation: fc.oneof(pick(world.orgs.map((o) => o.name)), text()),
    country: mostly(pick(["DK", "FR", "RU", "BR", "IN"]), pick(["XX", "dk", ""])),
    email: email(emails),
    newEmail: email(emails),
    contactEmail: email(emails),
    role: mostly(pick(ROLES), fc.constant("SUPERUSER")),
    locale: mostly(pick(["en", "ru"]), fc.constant("de")),
    password: pick([PASSWORD, "wrong password, sorry"]),
    currentPassword: pick([PASSWORD, "wrong password, sorry"]),
    newPassword: pick(["another strong passphrase 42", "short", PASSWORD]),
    token: fc.oneof(pick([world.invitationToken, ...world.authTokens]), token43),
    inviteToken: fc.oneof(pick([world.invitationToken]), token43, fc.constant(undefined)),
    membershipId: pick(world.ids.membership),
    invitationId: pick(world.ids.invitation),
    organizationId: pick(world.ids.organization),
    userId: pick(world.ids.user),
    partnershipId: pick(world.ids.partnership),
    requestId: pick(world.ids.request),
    version: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
    decision: mostly(pick(["approve", "reject"]), fc.constant("maybe")),
    suspended: fc.boolean(),
    tie: mostly(pick(TIE_STRENGTHS), fc.constant("SUPER")),
    kind: mostly(pick(REQUEST_KINDS), fc.constant("PHISHING")),
    website: fc.oneof({ weight: 1, arbitrary: pick(SCRIPT_URLS) }, { weight: 6, arbitrary: pick(["", "https://cluster.example.org", "http://example.com/a?b=c"]) }),
    label: mostly(pick(["NONE", "BRONZE", "GOLD"]), fc.constant("PLATINUM")),
    ecosystems: codes(["health", "digital", "agri-food", "energy-intensive-industries"]),
    sectors: codes(["C", "J", "M"]),
    keywords: codes(["ai", "robotics", "biotech"]),
    tags: codes(["medtech", "photonics", "я-тег"]),
    targetCountries: codes(["DK", "FR", "IN"]),
    latitude: decimal(-90, 90),
    longitude: decimal(-180, 180),
    yearFounded: mostly<number | string>(fc.integer({ min: 1800, max: 2026 }), pick(["", "1799", "3000"])),
    managementFte: decimal(0, 999),
    internationalisationLevel: mostly<number | string>(fc.integer({ min: 1, max: 4 }), pick(["", "5"])),
    membersSme: count(),
    membersLarge: count(),
    membersResearch: count(),
    membersUniversity: count(),
    membersPublic: count(),
    membersOther: count(),
  };
}

// ---------------------------------------------------------------------------
// 1. Schemas
// ---------------------------------------------------------------------------

/** Modules with schemas besides lib/**\/schemas.ts (found by themselves). */
const SCHEMA_MODULES = ["lib/api/errors.ts", "lib/api/locale.ts", "lib/auth/email.ts", "lib/auth/password-policy.ts", "lib/geo/countries.ts"];

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : filesUnder(full, accept);
    return accept(full) ? [path.relative(process.cwd(), full)] : [];
  });
}

const importModule = (file: string) => import(/* @vite-ignore */ path.resolve(file)) as Promise<Record<string, unknown>>;

describe("1. every zod schema", () => {
  const schemaFiles = [...filesUnder("lib", (f) => f.endsWith("/schemas.ts")), ...SCHEMA_MODULES];

  it("finds the schema modules", () => {
    expect(schemaFiles).toEqual(expect.arrayContaining(["lib/orgs/schemas.ts", "lib/profiles/schemas.ts", "lib/accounts/schemas.ts"]));
  });

  it.each(schemaFiles)("%s: safeParse of any value never throws", async (file) => {
    const schemas = Object.entries(await importModule(file)).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
    expect(schemas.length, `${file} exports no zod schema: drop it from SCHEMA_MODULES`).toBeGreaterThan(0);
    for (const [name, schema] of schemas) {
      const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
      const input = shape.length > 0 ? hostilePayload(Object.fromEntries(shape.map((key) => [key, hostileValue()]))) : hostileValue();
      fc.assert(
        fc.property(input, (value) => {
          try {
            schema.safeParse(value);
          } catch (error) {
            throw new Error(`${file} ${name}.safeParse threw: ${(error as Error).message}`);
          }
        }),
        { numRuns: 40 },
      );
    }
  });
});

// ---------------------------------------------------------------------------
// 2. Server actions
// ---------------------------------------------------------------------------

type ActionCase = {
  /** The action's input schema: its keys get plausible values by name (or hostile ones). */
  schema?: z.ZodType;
  /** A generator of its own for inputs that are not plain objects (FormData). */
  payload?: (world: World) => fc.Arbitrary<unknown>;
  /** Fewer runs where each call hashes a password (argon2id is slow on purpose). */
  numRuns?: number;
};

/** The keys of an object schema (also inside .optional()); none for other schemas. */
function keysOf(schema: z.ZodType | undefined): string[] {
  if (schema instanceof z.ZodOptional) return keysOf(schema.unwrap() as z.ZodType);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
const { ZChangeRoleSchema, ZCreateOrganizationSchema, ZDeleteOrganizationSchema, ZInvitationRefSchema, ZInviteMemberSchema, ZMemberRefSchema, ZOrgRefSchema, ZUpdateOrganizationSchema, ZAcceptInvitationSchema } =
  await import("@/lib/orgs/schemas");
const accounts = await import("@/lib/accounts/schemas");
const profiles = await import("@/lib/profiles/schemas");
const admin = await import("@/lib/admin/schemas");
const partnerships = await import("@/lib/partnerships/schemas");
const requests = await import("@/lib/requests/schemas");
const notifications = await import("@/lib/notifications/schemas");
const recommendations = await import("@/lib/recommendations/schemas");

/** Bytes a logo upload may carry: real PNG and JPEG starts, an SVG with a script, junk. */
function logoFormData(world: World): fc.Arbitrary<unknown> {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    fc.uint8Array({ maxLength: 2_000 }).map((rest) => new Uint8Array([...png, ...rest])),
    fc.uint8Array({ maxLength: 2_000 }).map((rest) => new Uint8Array([0xff, 0xd8, 0xff, ...rest])),
    fc.constant(new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`)),
  );
  const form = fc.tuple(fc.oneof(pick(world.orgs.map((o) => o.slug)), hostileString()), bytes, fc.boolean()).map(([orgSlug, content, asFile]) => {
    const data = new FormData();
    data.set("orgSlug", orgSlug);
    data.set("logo", asFile ? new File([content], "logo.png", { type: "image/png" }) : new TextDecoder().decode(content));
    return data;
  });
  return fc.oneof({ weight: 4, arbitrary: form }, { weight: 1, arbitrary: hostileValue() });
}

function localeFormData(): fc.Arbitrary<unknown> {
  const form = fc.oneof(pick(["en", "ru"]), hostileString()).map((locale) => {
    const data = new FormData();
    data.set("locale", locale);
    return data;
  });
  return fc.oneof(form, hostileValue());
}

/**
 * One entry per export of every "use server" file in lib/. Key: "<file>#<export>".
 * The guard below fails when an export has no entry or an entry no export.
 */
const ACTION_CASES: Record<string, ActionCase> = {
  "lib/accounts/actions.ts#signUpAction": { schema: accounts.ZSignUpSchema, numRuns: 10 },
  "lib/accounts/actions.ts#resendVerificationAction": { schema: accounts.ZResendVerificationSchema },
  "lib/accounts/actions.ts#verifyEmailAction": { schema: accounts.ZVerifyEmailSchema },
  "lib/accounts/actions.ts#requestPasswordResetAction": { schema: accounts.ZRequestPasswordResetSchema },
  "lib/accounts/actions.ts#resetPasswordAction": { schema: accounts.ZResetPasswordSchema, numRuns: 8 },
  "lib/accounts/actions.ts#updateAccountAction": { schema: accounts.ZUpdateAccountSchema },
  "lib/accounts/actions.ts#changePasswordAction": { schema: accounts.ZChangePasswordSchema, numRuns: 8 },
  "lib/accounts/actions.ts#requestEmailChangeAction": { schema: accounts.ZRequestEmailChangeSchema, numRuns: 8 },
  "lib/accounts/actions.ts#confirmEmailChangeAction": { schema: accounts.ZConfirmEmailChangeSchema },
  "lib/accounts/actions.ts#signOutEverywhereAction": { schema: accounts.ZNoInputSchema },
  "lib/accounts/actions.ts#deleteAccountAction": { schema: accounts.ZDeleteAccountSchema, numRuns: 8 },
  "lib/admin/actions.ts#setUserSuspendedAction": { schema: admin.ZSetUserSuspendedSchema },
  "lib/i18n/actions.ts#setLocale": { schema: z.object({ locale: accounts.ZLocale }) },
  "lib/i18n/actions.ts#switchLocaleAction": { payload: localeFormData },
  "lib/orgs/actions.ts#createOrganizationAction": { schema: ZCreateOrganizationSchema },
  "lib/orgs/actions.ts#updateOrganizationAction": { schema: ZUpdateOrganizationSchema },
  "lib/orgs/actions.ts#deleteOrganizationAction": { schema: ZDeleteOrganizationSchema },
  "lib/orgs/actions.ts#inviteMemberAction": { schema: ZInviteMemberSchema },
  "lib/orgs/actions.ts#revokeInvitationAction": { schema: ZInvitationRefSchema },
  "lib/orgs/actions.ts#resendInvitationAction": { schema: ZInvitationRefSchema },
  "lib/orgs/actions.ts#changeMemberRoleAction": { schema: ZChangeRoleSchema },
  "lib/orgs/actions.ts#removeMemberAction": { schema: ZMemberRefSchema },
  "lib/orgs/actions.ts#leaveOrganizationAction": { schema: ZOrgRefSchema },
  "lib/orgs/actions.ts#transferOwnershipAction": { schema: ZMemberRefSchema },
  "lib/orgs/actions.ts#acceptInvitationAction": { schema: ZAcceptInvitationSchema },
  "lib/partnerships/actions.ts#proposeTieRaiseAction": { schema: partnerships.ZProposeTieRaiseSchema },
  "lib/partnerships/actions.ts#confirmTieRaiseAction": { schema: partnerships.ZPartnershipRefSchema },
  "lib/partnerships/actions.ts#declineTieRaiseAction": { schema: partnerships.ZDeclineTieRaiseSchema },
  "lib/partnerships/actions.ts#withdrawTieRaiseAction": { schema: partnerships.ZPartnershipRefSchema },
  "lib/partnerships/actions.ts#endPartnershipAction": { schema: partnerships.ZEndPartnershipSchema },
  "lib/profiles/actions.ts#updateProfileAction": { schema: profiles.ZProfileSchema },
  "lib/profiles/actions.ts#submitProfileAction": { schema: profiles.ZSubmitProfileSchema },
  "lib/profiles/actions.ts#uploadLogoAction": { payload: logoFormData, numRuns: 15 },
  "lib/profiles/review-actions.ts#reviewProfileAction": { schema: profiles.ZReviewProfileSchema },
  "lib/requests/actions.ts#sendCooperationRequestAction": { schema: requests.ZSendRequestSchema },
  "lib/requests/actions.ts#replyToRequestAction": { schema: requests.ZReplyRequestSchema },
  "lib/requests/actions.ts#acceptRequestAction": { schema: requests.ZRequestRefSchema },
  "lib/requests/actions.ts#declineRequestAction": { schema: requests.ZDeclineRequestSchema },
  "lib/requests/actions.ts#withdrawRequestAction": { schema: requests.ZRequestRefSchema },
  "lib/notifications/actions.ts#listLatestNotificationsAction": { schema: notifications.ZNoInputSchema },
  "lib/notifications/actions.ts#markNotificationReadAction": { schema: notifications.ZMarkNotificationReadSchema },
  "lib/notifications/actions.ts#markAllNotificationsReadAction": { schema: notifications.ZNoInputSchema },
  "lib/notifications/actions.ts#updateNotificationPreferencesAction": { schema: notifications.ZUpdateNotificationPreferencesSchema },
  "lib/recommendations/actions.ts#dismissRecommendationAction": { schema: recommendations.ZDismissRecommendationSchema },
  "lib/recommendations/actions.ts#undoDismissRecommendationAction": { schema: recommendations.ZDismissRecommendationSchema },
};

const DEFAULT_ACTION_RUNS = 20;
const summary = new Map<string, string>();

function actionFiles(): string[] {
  return filesUnder("lib", (file) => file.endsWith(".ts") && !file.includes(".test.") && /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8")));
}

async function actionExports(): Promise<Map<string, (input: unknown) => Promise<unknown>>> {
  const found = new Map<string, (input: unknown) => Promise<unknown>>();
  for (const file of actionFiles()) {
    for (const [name, value] of Object.entries(await importModule(file))) {
      if (typeof value === "function") found.set(`${file}#${name}`, value as (input: unknown) => Promise<unknown>);
    }
  }
  return found;
}

const isRedirect = (error: unknown) => typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_REDIRECT");
const isNotFound = (error: unknown) => typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_HTTP_ERROR_FALLBACK");

function describeInput(value: unknown): string {
  try {
    const json = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
    return (json ?? String(value)).slice(0, 2_000);
  } catch {
    return String(value).slice(0, 500);
  }
}

describe("2. every server action", () => {
  let exports: Map<string, (input: unknown) => Promise<unknown>>;
  const errorLog = vi.spyOn(logger, "error");

  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
    exports = await actionExports();
  });

  afterAll(() => {
    errorLog.mockRestore();
    // What the generated calls ended in, per action (run with --reporter=verbose to read it).
    console.info([...summary].map(([key, line]) => `${key}: ${line}`).join("\n"));
  });

  it("has a case for every export of every \"use server\" file (add one to ACTION_CASES)", () => {
    const exported = [...exports.keys()].sort();
    expect(exported.length).toBeGreaterThan(20);
    expect(exported.filter((key) => !(key in ACTION_CASES)), "exports without a case in ACTION_CASES").toEqual([]);
    expect(Object.keys(ACTION_CASES).filter((key) => !exports.has(key)), "cases for exports that do not exist").toEqual([]);
  });

  it.each(Object.keys(ACTION_CASES))("%s: answers or redirects; a refusal changes nothing", async (key) => {
    const action = exports.get(key);
    if (!action) return; // reported by the guard above
    const entry = ACTION_CASES[key]!;
    const world = await buildWorld();
    const plausible = plausibleValues(world);
    const payload = entry.payload
      ? entry.payload(world)
      : hostilePayload(Object.fromEntries(keysOf(entry.schema).map((field) => [field, plausible[field] ?? hostileValue()])));
    if (entry.schema) {
      // The generated input must reach the code behind the schema often enough, or the case only fuzzes zod.
      const sample = fc.sample(payload, { numRuns: 300 });
      const valid = sample.filter((input) => entry.schema!.safeParse(wellFormedInput(input)).success).length;
      expect(valid, `${key}: only ${valid} of 300 generated inputs pass the schema; give its fields plausible values`).toBeGreaterThanOrEqual(30);
    }
    let before = await snapshot();
    const reasons = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(pick(ACTORS), payload, async (actorName, input) => {
        // The actor may have been deleted or signed out everywhere by an earlier run: read them again.
        const known = world.actors[actorName];
        const actor = known ? await testDb().user.findUnique({ where: { id: known.id }, select: { id: true, email: true, sessionVersion: true } }) : null;
        await enterRequest(actor);
        errorLog.mockClear();
        let outcome: "accepted" | "refused";
        try {
          const result = (await action(input)) as { ok?: unknown; error?: unknown } | undefined;
          if (result === undefined) {
            outcome = "accepted";
            reasons.set("answered", (reasons.get("answered") ?? 0) + 1);
          } else if (typeof result === "object" && result !== null && typeof result.ok === "boolean") {
            outcome = result.ok ? "accepted" : "refused";
            // The translator answers keys: "errors.invalidInput" is the schema's refusal, anything else came from behind it.
            const reason = result.ok ? "accepted" : typeof result.error === "string" ? result.error : "errors.invalidInput";
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          } else throw new Error(`unexpected answer ${describeInput(result)}`);
        } catch (error) {
          if (isRedirect(error)) outcome = "accepted";
          else if (isNotFound(error)) outcome = "refused";
          else throw new Error(`${key} threw for ${describeInput(input)} as ${actorName}: ${(error as Error)?.stack ?? String(error)}`);
          reasons.set(outcome === "accepted" ? "redirect" : "notFound()", (reasons.get(outcome === "accepted" ? "redirect" : "notFound()") ?? 0) + 1);
        }
        expect(errorLog.mock.calls.map((call) => describeInput(call)), `${key}: unexpected error for ${describeInput(input)} as ${actorName}`).toEqual([]);
        const after = await snapshot();
        if (outcome === "refused") {
          expect(after, `${key} refused ${describeInput(input)} as ${actorName} but changed the database`).toEqual(before);
        }
        before = after;
      }),
      { numRuns: entry.numRuns ?? DEFAULT_ACTION_RUNS },
    );
    summary.set(key, [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${reason}×${count}`).join(" "));
  });
});

// ---------------------------------------------------------------------------
// 3. Route handlers
// ---------------------------------------------------------------------------

type RouteCase = {
  /** The URL path and the params Next.js would pass, from generated segment values. */
  target: fc.Arbitrary<{ path: string; params: Record<string, string | string[]> }>;
  /** Query keys the handler reads (others are generated as well). */
  queryKeys?: readonly string[];
  numRuns?: number;
};

/** A path segment as Next.js hands it to a route: never empty (it redirects "//" and drops a trailing "/"). */
const segment = () => fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,30}$/), hostileString().filter((value) => value.length > 0 && value !== "." && value !== ".."));
const encodeSegment = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
};
const fixed = (pathname: string) => fc.constant({ path: pathname, params: {} });
const DIRECTORY_QUERY_KEYS = ["q", "country", "region", "ecosystem", "sector", "label", "size", "level", "targetsCountry", "sort", "page", "perPage", "lang"];

/** One entry per route.ts under app/api. Key: the file. The guard below fails when a route has no entry. */
const ROUTE_CASES: Record<string, RouteCase> = {
  "app/api/account/export/route.ts": { target: fixed("/api/account/export") },
  "app/api/auth/[...nextauth]/route.ts": {
    target: fc
      .oneof(
        pick([["session"], ["csrf"], ["providers"], ["signin"], ["signout"], ["callback", "credentials"], ["signin", "credentials"], ["error"], ["_log"]]),
        fc.array(segment(), { minLength: 1, maxLength: 3 }),
      )
      .map((nextauth) => ({ path: `/api/auth/${nextauth.map(encodeSegment).join("/")}`, params: { nextauth } })),
    queryKeys: ["callbackUrl", "error", "csrf", "json"],
    numRuns: 40,
  },
  "app/api/files/[...key]/route.ts": {
    target: fc
      .oneof(fc.array(segment(), { minLength: 1, maxLength: 4 }), pick([["logos", "x.webp"], ["..", "..", "etc", "passwd"], ["logos", "..%2f..%2fsecret.png"]]))
      .map((key) => ({ path: `/api/files/${key.map(encodeSegment).join("/")}`, params: { key } })),
  },
  "app/api/health/route.ts": { target: fixed("/api/health"), numRuns: 10 },
  "app/api/v1/clusters/route.ts": { target: fixed("/api/v1/clusters"), queryKeys: DIRECTORY_QUERY_KEYS, numRuns: 60 },
  "app/api/v1/clusters/[slug]/route.ts": {
    target: fc.oneof(pick(["alpha-1", "no-such-cluster"]), segment()).map((slug) => ({ path: `/api/v1/clusters/${encodeSegment(slug)}`, params: { slug } })),
    queryKeys: ["lang"],
  },
  "app/api/v1/clusters/export.csv/route.ts": { target: fixed("/api/v1/clusters/export.csv"), queryKeys: DIRECTORY_QUERY_KEYS, numRuns: 30 },
  "app/api/v1/openapi.json/route.ts": { target: fixed("/api/v1/openapi.json"), numRuns: 10 },
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function hostileBody(): fc.Arbitrary<{ body: string; contentType: string }> {
  const json = hostileValue().map((value) => {
    try {
      return JSON.stringify(value) ?? "null";
    } catch {
      return "{";
    }
  });
  const form = fc
    .dictionary(fc.oneof(pick(["email", "password", "csrfToken", "callbackUrl", "json", "redirect"]), fc.string({ maxLength: 10 })), hostileString(), { maxKeys: 6 })
    .map((fields) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) params.set(k, v.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
      return params.toString();
    });
  return fc.oneof(
    fc.record({ body: json, contentType: pick(["application/json", "text/plain", "application/json; charset=utf-16"]) }),
    fc.record({ body: form, contentType: fc.constant("application/x-www-form-urlencoded") }),
    fc.record({ body: hostileString(), contentType: pick(["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "text/html"]) }),
  );
}

function hostileHeaders(): fc.Arbitrary<Record<string, string>> {
  const headerSafe = hostileString().map((value) => value.replace(/[^\x20-\x7E]/g, "").slice(0, 2_000));
  return fc.record(
    {
      "accept-language": fc.oneof(pick(["ru-RU,ru;q=0.9", "*", "en;q=abc", ""]), headerSafe),
      cookie: fc.oneof(pick([`${SESSION_COOKIE}=garbage`, "next-auth.csrf-token=a%7Cb", "NEXT_LOCALE=xx"]), headerSafe),
      origin: pick(["http://localhost:3000", "https://evil.example", "null"]),
      accept: fc.oneof(pick(["application/json", "text/csv", "*/*"]), headerSafe),
    },
    { requiredKeys: [] },
  );
}

function routeFiles(): string[] {
  return filesUnder("app/api", (file) => path.basename(file) === "route.ts");
}

describe("3. every route handler", () => {
  let world: World;

  beforeAll(async () => {
    passwordHash ??= await hashPassword(PASSWORD);
    world = await buildWorld();
  });

  it("has a case for every route.ts under app/api (add one to ROUTE_CASES)", () => {
    const files = routeFiles().sort();
    expect(files).toContain("app/api/health/route.ts");
    expect(files.filter((file) => !(file in ROUTE_CASES)), "routes without a case in ROUTE_CASES").toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((file) => !files.includes(file)), "cases for routes that do not exist").toEqual([]);
  });

  it.each(Object.keys(ROUTE_CASES))("%s: hostile requests get an answer below 500, without a stack trace", async (file) => {
    if (!fs.existsSync(file)) return; // reported by the guard above
    const entry = ROUTE_CASES[file]!;
    const handlers = Object.entries(await importModule(file)).filter(
      (pair): pair is [(typeof METHODS)[number], (request: NextRequest, context: { params: Promise<unknown> }) => Promise<Response> | Response] =>
        (METHODS as readonly string[]).includes(pair[0]) && typeof pair[1] === "function",
    );
    expect(handlers.length, `${file} exports no HTTP method`).toBeGreaterThan(0);

    await fc.assert(
      fc.asyncProperty(
        pick(handlers),
        entry.target,
        hostileQuery(entry.queryKeys ?? ["q"]),
        hostileBody(),
        hostileHeaders(),
        pick(ACTORS),
        async ([method, handler], target, query, body, headers, actorName) => {
          await enterRequest(world.actors[actorName]);
          for (const [name, value] of Object.entries(headers)) if (name !== "cookie") scope.state.headers.set(name, value);
          const hasBody = method !== "GET" && method !== "HEAD";
          const requestHeaders = new Headers(scope.state.headers);
          if (hasBody && body.contentType) requestHeaders.set("content-type", body.contentType);
          const sessionCookie = scope.state.cookies.get(SESSION_COOKIE);
          requestHeaders.set("cookie", [headers.cookie, sessionCookie ? `${SESSION_COOKIE}=${sessionCookie}` : ""].filter(Boolean).join("; "));
          const request = new NextRequest(`http://localhost:3000${target.path}${query ? `?${query}` : ""}`, {
            method,
            headers: requestHeaders,
            body: hasBody ? body.body : undefined,
          });
          const label = `${method} ${target.path}?${query.slice(0, 300)} as ${actorName}`;
          let response: Response;
          try {
            response = await handler(request, { params: Promise.resolve(target.params) });
          } catch (error) {
            throw new Error(`${file} threw for ${label}: ${(error as Error)?.stack ?? String(error)}`);
          }
          const text = await response.text();
          expect(response.status, `${label} → ${text.slice(0, 300)}`).toBeLessThan(500);
          if (response.status >= 400) expect(text, `${label}: a stack trace in the answer`).not.toMatch(/\n\s+at\s|node_modules|prisma/i);
        },
      ),
      { numRuns: entry.numRuns ?? 25 },
    );
  });
});
