/**
 * Cross-tenant isolation of partnerships.
 *
 * ADD EVERY NEW EXPORTED FUNCTION OF lib/partnerships HERE (the guard below
 * fails otherwise): one case with A's or B's slug, and one with the caller's
 * own slug and the A–B partnership id.
 *
 * A and B are partners (a pending proposal from A, so that every command has
 * something to act on). The owner of a third organisation C, who passes every
 * permission check in C, calls each function with A's or B's slug or the A–B
 * partnership id: every call must fail with NotFoundError (the same answer as
 * for something that does not exist), and the partnership, its history, the
 * notifications and the audit trail must be exactly as before. A signed-in
 * user with no organisation at all gets the same.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { makeApprovedOrg, makeUser } from "@/lib/testing/fixtures";
import * as commands from "./commands";
import * as networkPage from "./network-page";
import * as queries from "./queries";
import { acceptRequestBetween } from "./test-fixtures";

const db = testDb();

type Ctx = { actor: { id: string; email: string }; ip: string };
type Ids = { slugA: string; slugB: string; slugC: string; partnershipId: string };
type Case = { name: string; call: (ctx: Ctx, ids: Ids) => Promise<unknown> };

const description = "A joint project that an intruder would like to fake.";
const noFilters = { tie: null, country: null, includeEnded: true };

const cases: Case[] = [
  // Reads with A's or B's slug
  { name: "listPartners", call: (ctx, ids) => queries.listPartners({ orgSlug: ids.slugA, includeEnded: true }, ctx) },
  { name: "listPartners (B's slug)", call: (ctx, ids) => queries.listPartners({ orgSlug: ids.slugB }, ctx) },
  { name: "getNetworkSummary", call: (ctx, ids) => queries.getNetworkSummary({ orgSlug: ids.slugA }, ctx) },
  { name: "getNetworkSummary (B's slug)", call: (ctx, ids) => queries.getNetworkSummary({ orgSlug: ids.slugB }, ctx) },
  {
    name: "getNetworkPage",
    call: (ctx, ids) => networkPage.getNetworkPage({ orgSlug: ids.slugA, page: 1, perPage: 20, sort: null, filters: noFilters, locale: "en" }, ctx),
  },
  { name: "getPartnership", call: (ctx, ids) => queries.getPartnership({ orgSlug: ids.slugA, partnershipId: ids.partnershipId }, ctx) },
  { name: "getPartnership (B's slug)", call: (ctx, ids) => queries.getPartnership({ orgSlug: ids.slugB, partnershipId: ids.partnershipId }, ctx) },
  { name: "getPartnership (own slug)", call: (ctx, ids) => queries.getPartnership({ orgSlug: ids.slugC, partnershipId: ids.partnershipId }, ctx) },
  // Writes with A's or B's slug
  {
    name: "proposeTieRaise",
    call: (ctx, ids) => commands.proposeTieRaise({ orgSlug: ids.slugB, partnershipId: ids.partnershipId, tie: "DURABLE", description }, ctx),
  },
  { name: "confirmTieRaise", call: (ctx, ids) => commands.confirmTieRaise({ orgSlug: ids.slugB, partnershipId: ids.partnershipId }, ctx) },
  {
    name: "declineTieRaise",
    call: (ctx, ids) => commands.declineTieRaise({ orgSlug: ids.slugB, partnershipId: ids.partnershipId, reason: "hijacked" }, ctx),
  },
  { name: "withdrawTieRaise", call: (ctx, ids) => commands.withdrawTieRaise({ orgSlug: ids.slugA, partnershipId: ids.partnershipId }, ctx) },
  { name: "endPartnership", call: (ctx, ids) => commands.endPartnership({ orgSlug: ids.slugA, partnershipId: ids.partnershipId }, ctx) },
  { name: "endPartnership (B's slug)", call: (ctx, ids) => commands.endPartnership({ orgSlug: ids.slugB, partnershipId: ids.partnershipId }, ctx) },
  // Writes with C's own slug (where the caller is owner) and the A–B partnership id
  {
    name: "proposeTieRaise (own slug)",
    call: (ctx, ids) => commands.proposeTieRaise({ orgSlug: ids.slugC, partnershipId: ids.partnershipId, tie: "DURABLE", description }, ctx),
  },
  { name: "confirmTieRaise (own slug)", call: (ctx, ids) => commands.confirmTieRaise({ orgSlug: ids.slugC, partnershipId: ids.partnershipId }, ctx) },
  { name: "declineTieRaise (own slug)", call: (ctx, ids) => commands.declineTieRaise({ orgSlug: ids.slugC, partnershipId: ids.partnershipId }, ctx) },
  { name: "withdrawTieRaise (own slug)", call: (ctx, ids) => commands.withdrawTieRaise({ orgSlug: ids.slugC, partnershipId: ids.partnershipId }, ctx) },
  { name: "endPartnership (own slug)", call: (ctx, ids) => commands.endPartnership({ orgSlug: ids.slugC, partnershipId: ids.partnershipId }, ctx) },
];

let ids: Ids;
let ownerC: Ctx;
let stranger: Ctx;

async function snapshot() {
  const [partnerships, events, notifications, audit, requests, mails] = await Promise.all([
    db.partnership.findMany({ orderBy: { id: "asc" } }),
    db.partnershipEvent.findMany({ orderBy: { id: "asc" } }),
    db.notification.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ orderBy: { id: "asc" } }),
    db.cooperationRequest.findMany({ orderBy: { id: "asc" } }),
    db.outboxEmail.count(),
  ]);
  return { partnerships, events, notifications, audit, requests, mails };
}

beforeEach(async () => {
  await resetDatabase();
  const ownerA = await makeUser({ name: "Owner A" });
  const ownerB = await makeUser({ name: "Owner B" });
  const userC = await makeUser({ name: "Owner C" });
  const orgA = await makeApprovedOrg(ownerA, { slug: "cluster-a", country: "DK" });
  const orgB = await makeApprovedOrg(ownerB, { slug: "cluster-b", country: "FR" });
  const orgC = await makeApprovedOrg(userC, { slug: "cluster-c", country: "DE" });
  // C has a partnership of its own, so that it is a full participant.
  await acceptRequestBetween(orgC, orgB, { id: ownerB.id, name: ownerB.name });
  const { partnershipId } = await acceptRequestBetween(orgA, orgB, { id: ownerB.id, name: ownerB.name });
  await commands.proposeTieRaise({ orgSlug: orgA.slug, partnershipId, tie: "DURABLE", description: "Exchange of test facilities." }, ownerA.ctx);
  ids = { slugA: orgA.slug, slugB: orgB.slug, slugC: orgC.slug, partnershipId };
  ownerC = userC.ctx;
  stranger = (await makeUser({ name: "No Organisation" })).ctx;
});

describe("cross-tenant: a third organisation reaches nothing of the A–B partnership", () => {
  it("has a case for every exported function of lib/partnerships", () => {
    const exported = [commands, networkPage, queries].flatMap((module) =>
      Object.entries(module)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name),
    );
    const covered = new Set(cases.map((c) => c.name.split(" ")[0]));
    expect(exported.filter((name) => !covered.has(name)).sort()).toEqual([]);
    expect(exported.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s → NotFoundError, nothing changed", async (_name, c) => {
    const before = await snapshot();
    await expect(c.call(ownerC, ids)).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.call(stranger, ids)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("C's own network does not contain the A–B partnership", async () => {
    const list = await queries.listPartners({ orgSlug: ids.slugC, includeEnded: true }, ownerC);
    expect(list.data.map((p) => p.partner.slug)).toEqual([ids.slugB]);
    expect(list.data.some((p) => p.id === ids.partnershipId)).toBe(false);
    const summary = await queries.getNetworkSummary({ orgSlug: ids.slugC }, ownerC);
    expect(summary.total).toBe(1);
    expect(summary.picture.map((p) => p.id)).not.toContain(ids.partnershipId);
  });
});
