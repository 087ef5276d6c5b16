/**
 * Cross-tenant isolation of cooperation requests: a request between A and B
 * is visible to A and B and to nobody else.
 *
 * The owner of a third organisation C (approved, with every permission in
 * C) calls every exported request function with A's or B's slug, or with
 * C's own slug and the A↔B request id. Every call must fail with
 * NotFoundError (the same answer as for an id that does not exist) and
 * leave the database exactly as it was: the request, its thread, its
 * unread markers, notifications, partnerships and the audit trail.
 *
 * ADD A CASE FOR EVERY NEW EXPORTED FUNCTION of the modules below: the
 * first test fails when one has none.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { makeApprovedOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import * as getRequestModule from "./get-request";
import * as listRequestsModule from "./list-requests";
import * as respondModule from "./respond-to-request";
import * as sendRequestModule from "./send-request";

const { getRequest } = getRequestModule;
const { countUnreadRequests, getRequestsPage, listRequests } = listRequestsModule;
const { acceptRequest, declineRequest, replyToRequest, withdrawRequest } = respondModule;
const { sendCooperationRequest } = sendRequestModule;

/** Every module whose functions touch an organisation's requests. */
const MODULES = { getRequestModule, listRequestsModule, respondModule, sendRequestModule };

const db = testDb();

type Ctx = TestUser["ctx"];
type Ids = { slugA: string; slugB: string; slugC: string; requestId: string; acceptedId: string };
type Case = { name: string; call: (ctx: Ctx, ids: Ids) => Promise<unknown> };

const msg = { message: "Let me in on this" };

const cases: Case[] = [
  // Reads with A's or B's slug
  { name: "listRequests (A's inbox)", call: (ctx, i) => listRequests({ orgSlug: i.slugA, box: "inbox" }, ctx) },
  { name: "listRequests (B's inbox)", call: (ctx, i) => listRequests({ orgSlug: i.slugB, box: "inbox" }, ctx) },
  { name: "listRequests (A's sent box)", call: (ctx, i) => listRequests({ orgSlug: i.slugA, box: "sent" }, ctx) },
  { name: "getRequestsPage (B's inbox)", call: (ctx, i) => getRequestsPage({ orgSlug: i.slugB, box: "inbox" }, ctx) },
  { name: "getRequestsPage (A's sent box)", call: (ctx, i) => getRequestsPage({ orgSlug: i.slugA, box: "sent", status: "OPEN" }, ctx) },
  { name: "countUnreadRequests (B)", call: (ctx, i) => countUnreadRequests({ orgSlug: i.slugB }, ctx) },
  { name: "getRequest (A's slug)", call: (ctx, i) => getRequest({ orgSlug: i.slugA, requestId: i.requestId }, ctx) },
  { name: "getRequest (B's slug)", call: (ctx, i) => getRequest({ orgSlug: i.slugB, requestId: i.requestId }, ctx) },
  // Reads with C's own slug and the A↔B request
  { name: "getRequest (own slug)", call: (ctx, i) => getRequest({ orgSlug: i.slugC, requestId: i.requestId }, ctx) },
  { name: "getRequest (own slug, accepted request)", call: (ctx, i) => getRequest({ orgSlug: i.slugC, requestId: i.acceptedId }, ctx) },
  // Writes with A's or B's slug
  {
    name: "sendCooperationRequest (as A)",
    call: (ctx, i) => sendCooperationRequest({ orgSlug: i.slugA, receiverSlug: i.slugB, kind: "EVENT", subject: "Forged", message: "Forged" }, ctx),
  },
  { name: "replyToRequest (A's slug)", call: (ctx, i) => replyToRequest({ orgSlug: i.slugA, requestId: i.requestId, ...msg }, ctx) },
  { name: "replyToRequest (B's slug)", call: (ctx, i) => replyToRequest({ orgSlug: i.slugB, requestId: i.requestId, ...msg }, ctx) },
  { name: "acceptRequest (B's slug)", call: (ctx, i) => acceptRequest({ orgSlug: i.slugB, requestId: i.requestId }, ctx) },
  { name: "declineRequest (B's slug)", call: (ctx, i) => declineRequest({ orgSlug: i.slugB, requestId: i.requestId, reason: "Forged" }, ctx) },
  { name: "withdrawRequest (A's slug)", call: (ctx, i) => withdrawRequest({ orgSlug: i.slugA, requestId: i.requestId }, ctx) },
  // Writes with C's own slug (every permission passes) and the A↔B request
  { name: "replyToRequest (own slug)", call: (ctx, i) => replyToRequest({ orgSlug: i.slugC, requestId: i.requestId, ...msg }, ctx) },
  { name: "replyToRequest (own slug, accepted request)", call: (ctx, i) => replyToRequest({ orgSlug: i.slugC, requestId: i.acceptedId, ...msg }, ctx) },
  { name: "acceptRequest (own slug)", call: (ctx, i) => acceptRequest({ orgSlug: i.slugC, requestId: i.requestId }, ctx) },
  { name: "declineRequest (own slug)", call: (ctx, i) => declineRequest({ orgSlug: i.slugC, requestId: i.requestId, reason: "Forged" }, ctx) },
  { name: "withdrawRequest (own slug)", call: (ctx, i) => withdrawRequest({ orgSlug: i.slugC, requestId: i.requestId }, ctx) },
];

let ids: Ids;
let ownerC: TestUser;

async function snapshot() {
  const [requests, messages, notifications, partnerships, events, audit] = await Promise.all([
    db.cooperationRequest.findMany({ orderBy: { id: "asc" } }),
    db.requestMessage.findMany({ orderBy: { id: "asc" } }),
    db.notification.findMany({ orderBy: { id: "asc" } }),
    db.partnership.findMany({ orderBy: { id: "asc" } }),
    db.partnershipEvent.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { requests, messages, notifications, partnerships, events, audit };
}

async function seed() {
  await resetDatabase();
  const ownerA = await makeUser({ name: "Owner A" });
  const ownerB = await makeUser({ name: "Owner B" });
  ownerC = await makeUser({ name: "Owner C" });
  const orgA = await makeApprovedOrg(ownerA, { name: "Cluster A", country: "DK" });
  const orgB = await makeApprovedOrg(ownerB, { name: "Cluster B", country: "FR" });
  const orgC = await makeApprovedOrg(ownerC, { name: "Cluster C", country: "BR" });
  const open = await sendCooperationRequest(
    { orgSlug: orgA.slug, receiverSlug: orgB.slug, kind: "JOINT_PROJECT", subject: "Joint call", message: "Shall we?" },
    ownerA.ctx,
  );
  const accepted = await sendCooperationRequest(
    { orgSlug: orgB.slug, receiverSlug: orgA.slug, kind: "MARKET_ENTRY", subject: "Market entry", message: "Help us enter Denmark" },
    ownerB.ctx,
  );
  await acceptRequest({ orgSlug: orgA.slug, requestId: accepted.id }, ownerA.ctx);
  ids = { slugA: orgA.slug, slugB: orgB.slug, slugC: orgC.slug, requestId: open.id, acceptedId: accepted.id };
}

describe("cross-tenant: a third organisation reaches no request between A and B", () => {
  beforeEach(seed);

  it("has a case for every exported function of the request modules", () => {
    const exported = Object.values(MODULES).flatMap((module) =>
      Object.entries(module)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name),
    );
    const covered = new Set(cases.map((c) => c.name.split(" ")[0]));
    expect(exported.filter((name) => !covered.has(name))).toEqual([]);
    expect(exported.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)("$name → NotFoundError, nothing changed", async ({ call }) => {
    const before = await snapshot();
    const error = await call(ownerC.ctx, ids).then(
      () => new Error("the call succeeded"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("a signed-in user with no organisation gets NotFoundError too", async () => {
    const stranger = await makeUser();
    const before = await snapshot();
    for (const c of cases) {
      const error = await c.call(stranger.ctx, ids).then(
        () => new Error(`${c.name} succeeded`),
        (e: unknown) => e,
      );
      expect(error, c.name).toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("C's own lists stay empty, and the same calls succeed for A and B (the table tests something real)", async () => {
    expect((await listRequests({ orgSlug: ids.slugC, box: "inbox" }, ownerC.ctx)).total).toBe(0);
    expect((await listRequests({ orgSlug: ids.slugC, box: "sent" }, ownerC.ctx)).total).toBe(0);
    expect(await countUnreadRequests({ orgSlug: ids.slugC }, ownerC.ctx)).toEqual({ inbox: 0, sent: 0, total: 0 });
    const ownerB = await db.user.findFirstOrThrow({ where: { name: "Owner B" } });
    const ctxB = { actor: { id: ownerB.id, email: ownerB.email }, ip: "203.0.113.9" };
    await expect(getRequest({ orgSlug: ids.slugB, requestId: ids.requestId }, ctxB)).resolves.toMatchObject({ side: "receiver" });
    await expect(replyToRequest({ orgSlug: ids.slugB, requestId: ids.requestId, message: "Yes" }, ctxB)).resolves.toEqual({ id: ids.requestId });
    await expect(acceptRequest({ orgSlug: ids.slugB, requestId: ids.requestId }, ctxB)).resolves.toMatchObject({ id: ids.requestId });
  });
});
