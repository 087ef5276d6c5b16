import { beforeEach, describe, expect, it } from "vitest";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { join, makeApprovedOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { confirmTieRaise, declineTieRaise, endPartnership, proposeTieRaise, withdrawTieRaise } from "./commands";
import { getNetworkPage } from "./network-page";
import { getNetworkSummary, getPartnership, listPartners } from "./queries";
import { acceptRequestBetween } from "./test-fixtures";

const db = testDb();

type Org = Awaited<ReturnType<typeof makeApprovedOrg>>;

let ownerA: TestUser;
let ownerB: TestUser;
let colleagueB: TestUser;
let orgA: Org;
let orgB: Org;
let partnershipId: string;

const DURABLE_TEXT = "Joint Horizon Europe proposal on medical imaging, signed in March.";
const COVALENT_TEXT = "Our members supply sensors that theirs assemble; shared pilot line and investment fund.";

async function rejectsWith(promise: Promise<unknown>, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected DomainError ${key}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).messageKey).toBe(key);
}

const ref = (org: Org) => ({ orgSlug: org.slug, partnershipId });

beforeEach(async () => {
  await resetDatabase();
  ownerA = await makeUser({ name: "Astrid Owner" });
  ownerB = await makeUser({ name: "Bruno Owner" });
  colleagueB = await makeUser({ name: "Berit Colleague" });
  orgA = await makeApprovedOrg(ownerA, { name: "Medicon Test Alliance", country: "DK" });
  orgB = await makeApprovedOrg(ownerB, { name: "Pôle Test Santé", country: "FR" });
  await join(orgB, colleagueB, "MEMBER");
  ({ partnershipId } = await acceptRequestBetween(orgA, orgB, { id: ownerB.id, name: ownerB.name }));
});

describe("proposeTieRaise", () => {
  it("stores the proposal, its event, notifies the other side and audits it", async () => {
    const result = await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: `  ${DURABLE_TEXT}  ` }, ownerA.ctx);
    expect(result).toEqual({ partnershipId, tie: "DURABLE" });

    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "WEAK", proposedTie: "DURABLE", proposedByOrgId: orgA.id, proposedDescription: DURABLE_TEXT });
    expect(row.proposedAt).toBeInstanceOf(Date);

    const event = await db.partnershipEvent.findFirstOrThrow({ where: { partnershipId, kind: "RAISE_PROPOSED" } });
    expect(event).toMatchObject({ organizationId: orgA.id, actorId: ownerA.id, actorName: "Astrid Owner", tie: "DURABLE", description: DURABLE_TEXT });

    // Both members of B are told (requests:read), the actor's side is not.
    const notifications = await db.notification.findMany({ where: { kind: "partnership.raiseProposed" }, orderBy: { userId: "asc" } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([ownerB.id, colleagueB.id].sort());
    expect(notifications[0]?.organizationId).toBe(orgB.id);
    expect(notifications[0]?.data).toEqual({ path: `/o/${orgB.slug}/partnerships/${partnershipId}`, orgName: orgA.name, tie: "DURABLE" });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "partnership.raise_proposed" } });
    expect(audit).toMatchObject({ organizationId: orgA.id, actorId: ownerA.id, targetType: "partnership", targetId: partnershipId, targetLabel: orgB.name });
  });

  it("raises one step only", async () => {
    await rejectsWith(proposeTieRaise({ ...ref(orgA), tie: "COVALENT", description: COVALENT_TEXT }, ownerA.ctx), "partnerships.errors.oneStepOnly");
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
    await confirmTieRaise(ref(orgB), ownerB.ctx);
    await rejectsWith(proposeTieRaise({ ...ref(orgB), tie: "DURABLE", description: DURABLE_TEXT }, ownerB.ctx), "partnerships.errors.oneStepOnly");
    await proposeTieRaise({ ...ref(orgB), tie: "COVALENT", description: COVALENT_TEXT }, ownerB.ctx);
    await confirmTieRaise(ref(orgA), ownerA.ctx);
    await rejectsWith(proposeTieRaise({ ...ref(orgA), tie: "COVALENT", description: COVALENT_TEXT }, ownerA.ctx), "partnerships.errors.alreadyStrongest");
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "COVALENT", description: COVALENT_TEXT, proposedTie: null });
  });

  it("refuses a second proposal while one is pending, from either side", async () => {
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
    await rejectsWith(proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx), "partnerships.errors.proposalPending");
    await rejectsWith(proposeTieRaise({ ...ref(orgB), tie: "DURABLE", description: DURABLE_TEXT }, ownerB.ctx), "partnerships.errors.proposalPending");
    expect(await db.partnershipEvent.count({ where: { kind: "RAISE_PROPOSED" } })).toBe(1);
  });

  it("stores exactly one of two concurrent proposals (the row lock)", async () => {
    const results = await Promise.allSettled([
      proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx),
      proposeTieRaise({ ...ref(orgB), tie: "DURABLE", description: "Exchange of test facilities, agreed in May." }, ownerB.ctx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected?.reason as DomainError).messageKey).toBe("partnerships.errors.proposalPending");
    expect(await db.partnershipEvent.count({ where: { kind: "RAISE_PROPOSED" } })).toBe(1);
  });

  it("refuses a description that is too short or too long, changing nothing", async () => {
    await rejectsWith(proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: "  short  " }, ownerA.ctx), "partnerships.description.tooShort");
    await rejectsWith(proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: "x".repeat(1001) }, ownerA.ctx), "partnerships.description.tooLong");
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row.proposedTie).toBeNull();
    expect(await db.notification.count()).toBe(0);
  });
});

describe("answering a proposal", () => {
  beforeEach(async () => {
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
  });

  it("confirm (other side): sets the tie and description, clears the proposal, tells the proposer", async () => {
    const before = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    await confirmTieRaise(ref(orgB), ownerB.ctx);
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "DURABLE", description: DURABLE_TEXT, proposedTie: null, proposedByOrgId: null, proposedDescription: null, proposedAt: null });
    expect(row.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before.lastActivityAt.getTime());
    const event = await db.partnershipEvent.findFirstOrThrow({ where: { partnershipId, kind: "RAISE_CONFIRMED" } });
    expect(event).toMatchObject({ organizationId: orgB.id, actorName: "Bruno Owner", tie: "DURABLE", description: DURABLE_TEXT });
    const notice = await db.notification.findFirstOrThrow({ where: { kind: "partnership.raiseConfirmed" } });
    expect(notice).toMatchObject({ userId: ownerA.id, organizationId: orgA.id });
    expect(notice.data).toEqual({ path: `/o/${orgA.slug}/partnerships/${partnershipId}`, orgName: orgB.name, tie: "DURABLE" });
    expect(await db.auditEvent.count({ where: { action: "partnership.raise_confirmed", organizationId: orgB.id } })).toBe(1);
  });

  it("the proposer can neither confirm nor decline its own proposal", async () => {
    await rejectsWith(confirmTieRaise(ref(orgA), ownerA.ctx), "partnerships.errors.ownProposal");
    await rejectsWith(declineTieRaise({ ...ref(orgA) }, ownerA.ctx), "partnerships.errors.ownProposal");
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "WEAK", proposedTie: "DURABLE" });
  });

  it("decline (other side) with a reason: the tie stays, the reason is kept and sent", async () => {
    await declineTieRaise({ ...ref(orgB), reason: "  Not before the project starts.  " }, ownerB.ctx);
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "WEAK", description: null, proposedTie: null, proposedByOrgId: null });
    const event = await db.partnershipEvent.findFirstOrThrow({ where: { partnershipId, kind: "RAISE_DECLINED" } });
    expect(event).toMatchObject({ organizationId: orgB.id, tie: "DURABLE", description: "Not before the project starts." });
    const notice = await db.notification.findFirstOrThrow({ where: { kind: "partnership.raiseDeclined" } });
    expect(notice.userId).toBe(ownerA.id);
    expect(notice.data).toMatchObject({ orgName: orgB.name, tie: "DURABLE", reason: "Not before the project starts." });
  });

  it("decline without a reason", async () => {
    await declineTieRaise({ ...ref(orgB), reason: "   " }, ownerB.ctx);
    const event = await db.partnershipEvent.findFirstOrThrow({ where: { partnershipId, kind: "RAISE_DECLINED" } });
    expect(event.description).toBeNull();
  });

  it("withdraw: only the proposing side", async () => {
    await rejectsWith(withdrawTieRaise(ref(orgB), ownerB.ctx), "partnerships.errors.notOwnProposal");
    await withdrawTieRaise(ref(orgA), ownerA.ctx);
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ tie: "WEAK", proposedTie: null });
    const event = await db.partnershipEvent.findFirstOrThrow({ where: { partnershipId, kind: "RAISE_WITHDRAWN" } });
    expect(event).toMatchObject({ organizationId: orgA.id, tie: "DURABLE" });
    // The other side, told of the proposal, is told it is gone.
    const notice = await db.notification.findFirstOrThrow({ where: { kind: "partnership.raiseWithdrawn" } });
    expect(notice.userId).toBe(ownerB.id);
    expect(notice.data).toMatchObject({ orgName: orgA.name, tie: "DURABLE" });
    // Nothing left to answer.
    await rejectsWith(confirmTieRaise(ref(orgB), ownerB.ctx), "partnerships.errors.noProposal");
    await rejectsWith(withdrawTieRaise(ref(orgA), ownerA.ctx), "partnerships.errors.noProposal");
  });

  it("getPartnership tells each side what it may do", async () => {
    const a = await getPartnership(ref(orgA), ownerA.ctx);
    expect(a.actions).toEqual({ raiseTo: null, canConfirm: false, canDecline: false, canWithdraw: true, canEnd: true });
    expect(a.proposal).toMatchObject({ tie: "DURABLE", description: DURABLE_TEXT, isByUs: true });
    const b = await getPartnership(ref(orgB), ownerB.ctx);
    expect(b.actions).toEqual({ raiseTo: null, canConfirm: true, canDecline: true, canWithdraw: false, canEnd: true });
    expect(b.proposal).toMatchObject({ isByUs: false });
    // A member (requests:read only) sees everything and may do nothing.
    const member = await getPartnership(ref(orgB), colleagueB.ctx);
    expect(member.actions).toEqual({ raiseTo: null, canConfirm: false, canDecline: false, canWithdraw: false, canEnd: false });
  });
});

describe("endPartnership", () => {
  it("ends it (either side), clears a pending proposal, tells the other side", async () => {
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
    await endPartnership({ ...ref(orgB), reason: "The cluster is merging." }, ownerB.ctx);
    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ isActive: false, endedByOrgId: orgB.id, proposedTie: null, proposedByOrgId: null, tie: "WEAK" });
    expect(row.endedAt).toBeInstanceOf(Date);
    const event = await db.partnershipEvent.findFirstOrThrow({ where: { partnershipId, kind: "ENDED" } });
    expect(event).toMatchObject({ organizationId: orgB.id, description: "The cluster is merging." });
    const notice = await db.notification.findFirstOrThrow({ where: { kind: "partnership.ended" } });
    expect(notice).toMatchObject({ userId: ownerA.id, organizationId: orgA.id });
    expect(notice.data).toMatchObject({ orgName: orgB.name, reason: "The cluster is merging.", tie: "WEAK" });
  });

  it("every command is refused on an ended partnership, changing nothing", async () => {
    await endPartnership(ref(orgA), ownerA.ctx);
    const before = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    const events = await db.partnershipEvent.count();
    await rejectsWith(proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx), "partnerships.errors.ended");
    await rejectsWith(confirmTieRaise(ref(orgB), ownerB.ctx), "partnerships.errors.ended");
    await rejectsWith(declineTieRaise(ref(orgB), ownerB.ctx), "partnerships.errors.ended");
    await rejectsWith(withdrawTieRaise(ref(orgA), ownerA.ctx), "partnerships.errors.ended");
    await rejectsWith(endPartnership(ref(orgB), ownerB.ctx), "partnerships.errors.ended");
    expect(await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).toEqual(before);
    expect(await db.partnershipEvent.count()).toBe(events);
  });

  it("a new accepted request renews an ended partnership as a weak tie, keeping its history", async () => {
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
    await confirmTieRaise(ref(orgB), ownerB.ctx);
    await endPartnership(ref(orgA), ownerA.ctx);
    const renewed = await acceptRequestBetween(orgB, orgA, { id: ownerA.id, name: ownerA.name }, "Business mission to Copenhagen");
    expect(renewed.partnershipId).toBe(partnershipId);

    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ isActive: true, tie: "WEAK", endedAt: null, description: null });

    const view = await getPartnership(ref(orgB), ownerB.ctx);
    expect(view.events.map((e) => e.kind)).toEqual(["CREATED", "RAISE_PROPOSED", "RAISE_CONFIRMED", "ENDED", "RENEWED"]);
    expect(view.requests.map((r) => r.subject).sort()).toEqual(["Business mission to Copenhagen", "Joint project on medical imaging"]);
    expect(view.actions.raiseTo).toBe("DURABLE");
    // The renewed partnership takes commands again.
    await proposeTieRaise({ ...ref(orgB), tie: "DURABLE", description: DURABLE_TEXT }, ownerB.ctx);
  });
});

describe("permissions", () => {
  it("a role without requests:send gets ForbiddenError on every command, and changes nothing", async () => {
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
    const before = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    const member = colleagueB.ctx;
    const calls = [
      () => proposeTieRaise({ ...ref(orgB), tie: "DURABLE", description: DURABLE_TEXT }, member),
      () => confirmTieRaise(ref(orgB), member),
      () => declineTieRaise(ref(orgB), member),
      () => withdrawTieRaise(ref(orgB), member),
      () => endPartnership(ref(orgB), member),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).toEqual(before);
    // Reading is allowed.
    const list = await listPartners({ orgSlug: orgB.slug }, member);
    expect(list.data.map((p) => p.id)).toEqual([partnershipId]);
  });

  it("an editor may act", async () => {
    const editor = await makeUser();
    await join(orgB, editor, "EDITOR");
    await proposeTieRaise({ ...ref(orgB), tie: "DURABLE", description: DURABLE_TEXT }, editor.ctx);
    const event = await db.partnershipEvent.findFirstOrThrow({ where: { kind: "RAISE_PROPOSED" } });
    expect(event.actorId).toBe(editor.id);
  });

  it("a malformed partnership id is not found", async () => {
    await expect(getPartnership({ orgSlug: orgA.slug, partnershipId: "x".repeat(5000) }, ownerA.ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(endPartnership({ orgSlug: orgA.slug, partnershipId: "'; DROP TABLE" }, ownerA.ctx)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmTieRaise({ orgSlug: orgA.slug, partnershipId: "does-not-exist" }, ownerA.ctx)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("history", () => {
  it("both sides see the same events with actor names", async () => {
    await proposeTieRaise({ ...ref(orgA), tie: "DURABLE", description: DURABLE_TEXT }, ownerA.ctx);
    await confirmTieRaise(ref(orgB), ownerB.ctx);
    const a = await getPartnership(ref(orgA), ownerA.ctx);
    const b = await getPartnership(ref(orgB), ownerB.ctx);
    // Everything but `side` ("us" or "partner", which depends on who looks) is the same.
    const neutral = (events: typeof a.events) => events.map((e) => ({ ...e, side: null }));
    expect(neutral(a.events)).toEqual(neutral(b.events));
    expect(a.events.map((e) => [e.kind, e.orgName, e.actorName])).toEqual([
      ["CREATED", orgB.name, "Bruno Owner"],
      ["RAISE_PROPOSED", orgA.name, "Astrid Owner"],
      ["RAISE_CONFIRMED", orgB.name, "Bruno Owner"],
    ]);
    expect(a.events.map((e) => e.side)).toEqual(["partner", "us", "partner"]);
    expect(a.partner.id).toBe(orgB.id);
    expect(b.partner.id).toBe(orgA.id);
    expect(a.partnership.tie).toBe("DURABLE");
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]?.direction).toBe("sent");
    expect(b.requests[0]?.direction).toBe("received");
  });
});

describe("listing and summary", () => {
  /** A's partners: FR weak (orgB), DE durable, DE covalent, IT weak ended, SE weak with B's proposal pending. */
  async function buildNetwork() {
    const make = async (name: string, country: string) => {
      const owner = await makeUser();
      const org = await makeApprovedOrg(owner, { name, country });
      const { partnershipId: id } = await acceptRequestBetween(orgA, org, { id: owner.id, name: owner.name });
      return { owner, org, id };
    };
    const de1 = await make("Bavaria Photonics", "DE");
    const de2 = await make("Aachen Materials", "DE");
    const it = await make("Zeta Meccanica", "IT");
    const se = await make("Chalmers Batteries", "SE");
    const description = DURABLE_TEXT;
    await proposeTieRaise({ orgSlug: orgA.slug, partnershipId: de1.id, tie: "DURABLE", description }, ownerA.ctx);
    await confirmTieRaise({ orgSlug: de1.org.slug, partnershipId: de1.id }, de1.owner.ctx);
    await proposeTieRaise({ orgSlug: orgA.slug, partnershipId: de2.id, tie: "DURABLE", description }, ownerA.ctx);
    await confirmTieRaise({ orgSlug: de2.org.slug, partnershipId: de2.id }, de2.owner.ctx);
    await proposeTieRaise({ orgSlug: de2.org.slug, partnershipId: de2.id, tie: "COVALENT", description: COVALENT_TEXT }, de2.owner.ctx);
    await confirmTieRaise({ orgSlug: orgA.slug, partnershipId: de2.id }, ownerA.ctx);
    await endPartnership({ orgSlug: it.org.slug, partnershipId: it.id }, it.owner.ctx);
    await proposeTieRaise({ orgSlug: se.org.slug, partnershipId: se.id, tie: "DURABLE", description }, se.owner.ctx);
    return { de1, de2, it, se };
  }

  it("lists active partners by default, with filters, sorting and pages", async () => {
    const { de1, de2, it, se } = await buildNetwork();
    const ctx = ownerA.ctx;
    const all = await listPartners({ orgSlug: orgA.slug, sort: { id: "partner", desc: false } }, ctx);
    expect(all.total).toBe(4);
    expect(all.data.map((p) => p.partner.name)).toEqual(["Aachen Materials", "Bavaria Photonics", "Chalmers Batteries", orgB.name]);
    const aachen = all.data[0]!;
    expect(aachen).toMatchObject({ id: de2.id, tie: "COVALENT", isActive: true, proposal: null });
    expect(aachen.partner).toMatchObject({ slug: de2.org.slug, country: "DE", countryName: "Germany" });
    expect(all.data.find((p) => p.id === se.id)?.proposal).toEqual({ tie: "DURABLE", isByUs: false });

    const withEnded = await listPartners({ orgSlug: orgA.slug, includeEnded: true }, ctx);
    expect(withEnded.total).toBe(5);
    expect(withEnded.data.find((p) => p.id === it.id)).toMatchObject({ isActive: false });

    const durable = await listPartners({ orgSlug: orgA.slug, tie: "DURABLE" }, ctx);
    expect(durable.data.map((p) => p.id)).toEqual([de1.id]);
    const german = await listPartners({ orgSlug: orgA.slug, country: "DE", sort: { id: "tie", desc: true } }, ctx);
    expect(german.data.map((p) => p.id)).toEqual([de2.id, de1.id]);
    const italianActive = await listPartners({ orgSlug: orgA.slug, country: "IT" }, ctx);
    expect(italianActive.total).toBe(0);

    const page2 = await listPartners({ orgSlug: orgA.slug, page: 2, perPage: 3, sort: { id: "partner", desc: false } }, ctx);
    expect(page2).toMatchObject({ total: 4, page: 2, perPage: 3, totalPages: 2 });
    expect(page2.data.map((p) => p.partner.name)).toEqual([orgB.name]);

    // The other side sees A as its partner.
    const fromB = await listPartners({ orgSlug: orgB.slug }, ownerB.ctx);
    expect(fromB.data.map((p) => p.partner.id)).toEqual([orgA.id]);
  });

  it("summarises by tie and by country", async () => {
    await buildNetwork();
    const summary = await getNetworkSummary({ orgSlug: orgA.slug, locale: "ru" }, ownerA.ctx);
    expect(summary.total).toBe(4);
    expect(summary.ended).toBe(1);
    expect(summary.byTie).toEqual({ WEAK: 2, DURABLE: 1, COVALENT: 1 });
    // Equal counts are ordered by the country's name in the language asked for (ru: Франция before Швеция).
    expect(summary.byCountry.map((c) => [c.country, c.total])).toEqual([
      ["DE", 2],
      ["FR", 1],
      ["SE", 1],
    ]);
    expect(summary.byCountry[0]?.byTie).toEqual({ WEAK: 0, DURABLE: 1, COVALENT: 1 });
    expect(summary.byCountry[0]?.countryName).toBe("Германия");
    expect(summary.picture.map((p) => p.tie)).toEqual(["COVALENT", "DURABLE", "WEAK", "WEAK"]);
    expect(summary.organization).toMatchObject({ id: orgA.id, name: orgA.name });

    const page = await getNetworkPage(
      { orgSlug: orgA.slug, page: 1, perPage: 20, sort: null, filters: { tie: null, country: "IT", includeEnded: true }, locale: "en" },
      ownerA.ctx,
    );
    expect(page.total).toBe(1);
    expect(page.countries.map((c) => c.code)).toEqual(["FR", "DE", "IT", "SE"]);
    expect(page.hasNoPartners).toBe(false);
    expect(page.canSend).toBe(true);
  });

  it("an organisation without partnerships has an empty network", async () => {
    const loner = await makeUser();
    const org = await makeApprovedOrg(loner, { country: "NO" });
    const page = await getNetworkPage(
      { orgSlug: org.slug, page: 1, perPage: 20, sort: null, filters: { tie: null, country: null, includeEnded: false }, locale: "en" },
      loner.ctx,
    );
    expect(page).toMatchObject({ total: 0, data: [], hasNoPartners: true });
    expect(page.summary).toMatchObject({ total: 0, ended: 0, byCountry: [], picture: [] });
  });
});
