/**
 * Cooperation requests against a real PostgreSQL: every rule of sending,
 * every answer in every state, the partnership an acceptance creates, the
 * unread markers, and the reminder / expiry job, asserted on what the
 * database holds.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors/domain-error";
import type { RequestKind } from "@/lib/db/generated/enums";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { join, makeApprovedOrg, makeOrg, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { runRequestDeadlines } from "./expire-requests";
import { isOpenRequestConflict } from "./internal";
import { getRequest } from "./get-request";
import { countUnreadRequests, listRequests } from "./list-requests";
import { acceptRequest, declineRequest, replyToRequest, withdrawRequest } from "./respond-to-request";
import { DAILY_REQUEST_LIMIT, REMINDER_AFTER_MS, REQUEST_LIFETIME_MS } from "./rules";
import { MESSAGE_MAX, ZDeclineRequestSchema, ZReplyRequestSchema, ZSendRequestSchema } from "./schemas";
import { sendCooperationRequest } from "./send-request";
import { listSendingOrganizations } from "./sending-organizations";

const db = testDb();
const DAY = 24 * 60 * 60 * 1000;

type Org = Awaited<ReturnType<typeof makeOrg>>;
let ownerA: TestUser;
let ownerB: TestUser;
let orgA: Org; // the sender in most tests (Denmark)
let orgB: Org; // the receiver (France)

/** A valid request from A to B, through the schema as the action would parse it. */
function sendInput(overrides: Partial<{ orgSlug: string; receiverSlug: string; kind: RequestKind; subject: string; message: string }> = {}) {
  return ZSendRequestSchema.parse({
    orgSlug: orgA.slug,
    receiverSlug: orgB.slug,
    kind: "JOINT_PROJECT",
    subject: "Horizon Europe call on medtech",
    message: "We are looking for a partner cluster for the call.",
    ...overrides,
  });
}

async function send(overrides: Parameters<typeof sendInput>[0] = {}, user: TestUser = ownerA) {
  return sendCooperationRequest(sendInput(overrides), user.ctx);
}

/** The error a call fails with (or a marker error when it succeeds). */
async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => new Error("the call succeeded"),
    (error: unknown) => error,
  );
}

async function expectDomainError(call: Promise<unknown>, key: string) {
  const error = await failure(call);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).messageKey).toBe(key);
}

beforeEach(async () => {
  await resetDatabase();
  ownerA = await makeUser({ name: "Anna Owner" });
  ownerB = await makeUser({ name: "Bruno Owner" });
  orgA = await makeApprovedOrg(ownerA, { name: "Medicon Alpha", country: "DK" });
  orgB = await makeApprovedOrg(ownerB, { name: "Pôle Beta", country: "FR" });
});

describe("sendCooperationRequest", () => {
  it("stores the request with its opening message, tells the receiver and audits", async () => {
    const colleagueB = await makeUser();
    await join(orgB, colleagueB, "MEMBER");
    const before = Date.now();
    const { id, orgSlug } = await send();
    expect(orgSlug).toBe(orgA.slug);

    const request = await db.cooperationRequest.findUniqueOrThrow({ where: { id }, include: { messages: true } });
    expect(request).toMatchObject({
      senderId: orgA.id,
      receiverId: orgB.id,
      kind: "JOINT_PROJECT",
      subject: "Horizon Europe call on medtech",
      status: "OPEN",
      createdById: ownerA.id,
      lastActorOrgId: orgA.id,
      respondedAt: null,
      remindedAt: null,
    });
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(REQUEST_LIFETIME_MS);
    expect(request.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(request.messages).toEqual([
      expect.objectContaining({ kind: "OPENING", body: "We are looking for a partner cluster for the call.", organizationId: orgA.id, authorId: ownerA.id, authorName: "Anna Owner" }),
    ]);

    const notices = await db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(notices.map((n) => n.userId).sort()).toEqual([ownerB.id, colleagueB.id].sort());
    for (const n of notices) {
      expect(n).toMatchObject({ kind: "request.received", organizationId: orgB.id });
      expect(n.data).toEqual({ path: `/o/${orgB.slug}/requests/${id}`, orgName: "Medicon Alpha", subject: "Horizon Europe call on medtech" });
    }
    const audit = await db.auditEvent.findMany({ where: { action: "request.sent" } });
    expect(audit).toEqual([expect.objectContaining({ organizationId: orgA.id, actorId: ownerA.id, targetId: id })]);
  });

  it("refuses a request to one's own organisation", async () => {
    await expectDomainError(send({ receiverSlug: orgA.slug }), "requests.errors.ownOrganization");
    expect(await db.cooperationRequest.count()).toBe(0);
  });

  it("refuses when the sender's profile is not approved", async () => {
    const draft = await makeOrg(ownerA, { name: "Draft Cluster" });
    await expectDomainError(send({ orgSlug: draft.slug }), "requests.errors.senderNotApproved");
    await db.clusterProfile.create({ data: { organizationId: draft.id, status: "PENDING" } });
    await expectDomainError(send({ orgSlug: draft.slug }), "requests.errors.senderNotApproved");
    expect(await db.cooperationRequest.count()).toBe(0);
  });

  it("refuses an unapproved, rejected or unknown receiver with one message", async () => {
    const draft = await makeOrg(ownerB);
    const rejected = await makeOrg(ownerB);
    await db.clusterProfile.create({ data: { organizationId: rejected.id, status: "REJECTED" } });
    await expectDomainError(send({ receiverSlug: draft.slug }), "requests.errors.receiverUnavailable");
    await expectDomainError(send({ receiverSlug: rejected.slug }), "requests.errors.receiverUnavailable");
    await expectDomainError(send({ receiverSlug: "no-such-cluster" }), "requests.errors.receiverUnavailable");
    expect(await db.cooperationRequest.count()).toBe(0);
    expect(await db.notification.count()).toBe(0);
  });

  it("allows one open request per pair and kind; another kind, the other direction or after closing is fine", async () => {
    const first = await send();
    await expectDomainError(send({ subject: "Another subject" }), "requests.errors.alreadyOpen");
    await send({ kind: "EVENT" });
    await sendCooperationRequest(sendInput({ orgSlug: orgB.slug, receiverSlug: orgA.slug }), ownerB.ctx);
    expect(await db.cooperationRequest.count()).toBe(3);

    await withdrawRequest({ orgSlug: orgA.slug, requestId: first.id }, ownerA.ctx);
    await send();
    expect(await db.cooperationRequest.count({ where: { senderId: orgA.id, kind: "JOINT_PROJECT" } })).toBe(2);
  });

  it("of 50 parallel identical submissions stores exactly one, and every other fails with the friendly DomainError", async () => {
    const input = sendInput();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => sendCooperationRequest(input, ownerA.ctx)));
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).messageKey).toBe("requests.errors.alreadyOpen");
    }
    expect(await db.cooperationRequest.count()).toBe(1);
    expect(await db.requestMessage.count()).toBe(1);
    expect(await db.notification.count({ where: { kind: "request.received" } })).toBe(1);
  });

  it("the database itself holds one open request per pair and kind (the index the domain relies on)", async () => {
    await send();
    const error = await failure(
      db.cooperationRequest.create({
        data: { senderId: orgA.id, receiverId: orgB.id, kind: "JOINT_PROJECT", subject: "Bypass", expiresAt: new Date(Date.now() + DAY) },
      }),
    );
    // The error the domain maps to "requests.errors.alreadyOpen" (a P2002 naming this index)…
    expect(isOpenRequestConflict(error)).toBe(true);
    // …and no other unique violation.
    const otherUnique = await failure(db.user.create({ data: { email: ownerA.email, name: "Twin", passwordHash: "x" } }));
    expect(otherUnique).toMatchObject({ code: "P2002" });
    expect(isOpenRequestConflict(otherUnique)).toBe(false);
    expect(isOpenRequestConflict(new Error("CooperationRequest_one_open_per_kind"))).toBe(false);
  });

  it(`stops at ${DAILY_REQUEST_LIMIT} requests per sending organisation in 24 hours`, async () => {
    const kinds: RequestKind[] = ["JOINT_PROJECT", "EVENT"];
    // Earlier sends today (closed, so the open-request rule stays out of the way) and one from two days ago.
    await db.cooperationRequest.createMany({
      data: Array.from({ length: DAILY_REQUEST_LIMIT - 1 }, (_, i) => ({
        senderId: orgA.id,
        receiverId: orgB.id,
        kind: kinds[i % 2]!,
        subject: `Earlier ${i}`,
        status: "DECLINED" as const,
        expiresAt: new Date(Date.now() + 30 * DAY),
      })),
    });
    await db.cooperationRequest.create({
      data: { senderId: orgA.id, receiverId: orgB.id, kind: "OTHER", subject: "Old", status: "WITHDRAWN", expiresAt: new Date(), createdAt: new Date(Date.now() - 2 * DAY) },
    });
    await send(); // the 20th of the day
    const error = await failure(send({ kind: "EVENT" }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ messageKey: "requests.errors.dailyLimit", values: { limit: DAILY_REQUEST_LIMIT } });
    expect(await db.cooperationRequest.count({ where: { senderId: orgA.id } })).toBe(DAILY_REQUEST_LIMIT + 1);
    // The limit is the sender's: B can still write to A.
    await sendCooperationRequest(sendInput({ orgSlug: orgB.slug, receiverSlug: orgA.slug }), ownerB.ctx);
  });

  it("needs requests:send: a MEMBER gets ForbiddenError, an EDITOR may send", async () => {
    const member = await makeUser();
    const editor = await makeUser();
    await join(orgA, member, "MEMBER");
    await join(orgA, editor, "EDITOR");
    expect(await failure(send({}, member))).toBeInstanceOf(ForbiddenError);
    expect(await db.cooperationRequest.count()).toBe(0);
    await send({}, editor);
    expect(await db.cooperationRequest.count()).toBe(1);
  });

  it("a non-member of the sending organisation gets NotFoundError", async () => {
    expect(await failure(send({}, ownerB))).toBeInstanceOf(NotFoundError);
  });
});

describe("schemas", () => {
  const base = { orgSlug: "a", receiverSlug: "b", kind: "EVENT", subject: "A subject", message: "Hello" };
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

  it("trims, and refuses empty, blank and oversized texts with message keys", () => {
    expect(ZSendRequestSchema.parse({ ...base, subject: "  Trimmed  ", message: "  Hi  " })).toMatchObject({ subject: "Trimmed", message: "Hi" });
    expect(issues(ZSendRequestSchema.safeParse({ ...base, message: "" }))).toEqual(["message:requests.message.required"]);
    expect(issues(ZSendRequestSchema.safeParse({ ...base, message: "   \n " }))).toEqual(["message:requests.message.required"]);
    expect(issues(ZSendRequestSchema.safeParse({ ...base, message: "x".repeat(MESSAGE_MAX + 1) }))).toEqual(["message:requests.message.tooLong"]);
    expect(ZSendRequestSchema.safeParse({ ...base, message: "x".repeat(MESSAGE_MAX) }).success).toBe(true);
    expect(issues(ZSendRequestSchema.safeParse({ ...base, subject: "ab" }))).toEqual(["subject:requests.subject.tooShort"]);
    expect(issues(ZSendRequestSchema.safeParse({ ...base, subject: "x".repeat(201) }))).toEqual(["subject:requests.subject.tooLong"]);
    expect(issues(ZReplyRequestSchema.safeParse({ orgSlug: "a", requestId: "abc", message: "x".repeat(MESSAGE_MAX + 1) }))).toEqual([
      "message:requests.message.tooLong",
    ]);
    expect(issues(ZDeclineRequestSchema.safeParse({ orgSlug: "a", requestId: "abc", reason: " " }))).toEqual(["reason:requests.reason.required"]);
    expect(issues(ZDeclineRequestSchema.safeParse({ orgSlug: "a", requestId: "abc", reason: "x".repeat(1001) }))).toEqual(["reason:requests.reason.tooLong"]);
  });

  it("refuses an unknown kind, wrong types, a bad id, and drops NUL bytes", () => {
    expect(issues(ZSendRequestSchema.safeParse({ ...base, kind: "FRIENDSHIP" }))).toEqual(["kind:requests.kind.invalid"]);
    expect(ZSendRequestSchema.safeParse({ ...base, message: 42 }).success).toBe(false);
    expect(ZSendRequestSchema.safeParse({ ...base, subject: null }).success).toBe(false);
    expect(ZSendRequestSchema.safeParse({ ...base, orgSlug: "x".repeat(10_000) }).success).toBe(false);
    expect(ZReplyRequestSchema.safeParse({ orgSlug: "a", requestId: "'; DROP TABLE x; --", message: "hi" }).success).toBe(false);
    expect(ZSendRequestSchema.parse({ ...base, message: "a\u0000b" }).message).toBe("ab");
  });
});

describe("answers", () => {
  let requestId: string;
  const refA = () => ({ orgSlug: orgA.slug, requestId });
  const refB = () => ({ orgSlug: orgB.slug, requestId });

  beforeEach(async () => {
    ({ id: requestId } = await send());
  });

  it("reply: either side writes in the thread; the receiver's first answer is recorded; the other side is told", async () => {
    await replyToRequest({ ...refA(), message: "A follow-up from the sender" }, ownerA.ctx);
    let request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.respondedAt).toBeNull();

    await replyToRequest({ ...refB(), message: "Thanks, tell us more" }, ownerB.ctx);
    request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.respondedAt).not.toBeNull();
    expect(request.lastActorOrgId).toBe(orgB.id);
    expect(request.status).toBe("OPEN");
    const firstAnswer = request.respondedAt;

    await replyToRequest({ ...refB(), message: "And another thing" }, ownerB.ctx);
    request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.respondedAt).toEqual(firstAnswer);

    const thread = await db.requestMessage.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    expect(thread.map((m) => [m.kind, m.organizationId, m.body])).toEqual([
      ["OPENING", orgA.id, "We are looking for a partner cluster for the call."],
      ["REPLY", orgA.id, "A follow-up from the sender"],
      ["REPLY", orgB.id, "Thanks, tell us more"],
      ["REPLY", orgB.id, "And another thing"],
    ]);
    const toA = await db.notification.findMany({ where: { userId: ownerA.id, kind: "request.message" } });
    expect(toA).toHaveLength(2);
    expect(toA[0]?.data).toEqual({ path: `/o/${orgA.slug}/requests/${requestId}`, orgName: "Pôle Beta", subject: "Horizon Europe call on medtech" });
    expect(await db.notification.count({ where: { userId: ownerB.id, kind: "request.message" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "request.replied" } })).toBe(3);
  });

  it("unread markers: new for the receiver until seen, then news for the sender after the reply", async () => {
    expect(await countUnreadRequests({ orgSlug: orgB.slug }, ownerB.ctx)).toEqual({ inbox: 1, sent: 0, total: 1 });
    expect(await countUnreadRequests({ orgSlug: orgA.slug }, ownerA.ctx)).toEqual({ inbox: 0, sent: 0, total: 0 });
    const inbox = await listRequests({ orgSlug: orgB.slug, box: "inbox" }, ownerB.ctx);
    expect(inbox.data).toEqual([expect.objectContaining({ id: requestId, isUnread: true, other: { name: "Medicon Alpha", slug: orgA.slug, country: "DK" } })]);

    const page = await getRequest(refB(), ownerB.ctx);
    expect(page.side).toBe("receiver");
    expect(page.wasUnread).toBe(true);
    expect((await getRequest(refB(), ownerB.ctx)).wasUnread).toBe(false);
    expect(await countUnreadRequests({ orgSlug: orgB.slug }, ownerB.ctx)).toEqual({ inbox: 0, sent: 0, total: 0 });
    expect((await listRequests({ orgSlug: orgB.slug, box: "inbox" }, ownerB.ctx)).data[0]?.isUnread).toBe(false);

    await replyToRequest({ ...refB(), message: "Interested" }, ownerB.ctx);
    expect(await countUnreadRequests({ orgSlug: orgA.slug }, ownerA.ctx)).toEqual({ inbox: 0, sent: 1, total: 1 });
    expect(await countUnreadRequests({ orgSlug: orgB.slug }, ownerB.ctx)).toEqual({ inbox: 0, sent: 0, total: 0 });
    const sent = await listRequests({ orgSlug: orgA.slug, box: "sent" }, ownerA.ctx);
    expect(sent.data).toEqual([expect.objectContaining({ id: requestId, isUnread: true, other: { name: "Pôle Beta", slug: orgB.slug, country: "FR" } })]);
    await getRequest(refA(), ownerA.ctx);
    expect(await countUnreadRequests({ orgSlug: orgA.slug }, ownerA.ctx)).toEqual({ inbox: 0, sent: 0, total: 0 });
  });

  it("getRequest: the thread, the side and what the member may do", async () => {
    const member = await makeUser();
    await join(orgB, member, "MEMBER");
    const receiver = await getRequest(refB(), ownerB.ctx);
    expect(receiver.actions).toEqual({ canReply: true, canAccept: true, canDecline: true, canWithdraw: false });
    expect(receiver.other).toMatchObject({ name: "Medicon Alpha", slug: orgA.slug });
    expect(receiver.messages).toEqual([expect.objectContaining({ kind: "OPENING", from: "them", authorName: "Anna Owner" })]);
    const sender = await getRequest(refA(), ownerA.ctx);
    expect(sender.side).toBe("sender");
    expect(sender.actions).toEqual({ canReply: true, canAccept: false, canDecline: false, canWithdraw: true });
    expect(sender.messages[0]?.from).toBe("us");
    // A member may read but not act.
    expect((await getRequest(refB(), member.ctx)).actions).toEqual({ canReply: false, canAccept: false, canDecline: false, canWithdraw: false });
    // An id that is not one is simply not found.
    expect(await failure(getRequest({ orgSlug: orgB.slug, requestId: "x".repeat(500) }, ownerB.ctx))).toBeInstanceOf(NotFoundError);
    expect(await failure(getRequest({ orgSlug: orgB.slug, requestId: "cl0000000000000000000000" }, ownerB.ctx))).toBeInstanceOf(NotFoundError);
  });

  it("accept: the request is accepted and a weak partnership is created; twice is the wrong state", async () => {
    const { partnershipId } = await acceptRequest(refB(), ownerB.ctx);
    const request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "ACCEPTED", partnershipId, lastActorOrgId: orgB.id });
    expect(request.respondedAt).not.toBeNull();
    expect(request.closedAt).not.toBeNull();

    const partnership = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, include: { events: true } });
    const [a, b] = [orgA.id, orgB.id].sort();
    expect(partnership).toMatchObject({ organizationAId: a, organizationBId: b, tie: "WEAK", isActive: true });
    expect(partnership.events).toEqual([
      expect.objectContaining({ kind: "CREATED", tie: "WEAK", organizationId: orgB.id, actorId: ownerB.id, actorName: "Bruno Owner", requestId }),
    ]);
    const thread = await db.requestMessage.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
    expect(thread.map((m) => m.kind)).toEqual(["OPENING", "ACCEPTED"]);
    expect(await db.notification.findMany({ where: { kind: "request.accepted" }, select: { userId: true, data: true } })).toEqual([
      { userId: ownerA.id, data: { path: `/o/${orgA.slug}/requests/${requestId}`, orgName: "Pôle Beta", subject: "Horizon Europe call on medtech" } },
    ]);
    expect((await getRequest(refA(), ownerA.ctx)).request.partnershipId).toBe(partnershipId);

    await expectDomainError(acceptRequest(refB(), ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(declineRequest({ ...refB(), reason: "Changed our mind" }, ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(withdrawRequest(refA(), ownerA.ctx), "requests.errors.wrongState");
    // The conversation goes on after acceptance.
    await replyToRequest({ ...refA(), message: "Great, let us plan the kick-off" }, ownerA.ctx);
    expect(await db.partnership.count()).toBe(1);
    expect(await db.requestMessage.count({ where: { requestId } })).toBe(3);
  });

  it("a second accepted request of another kind is recorded on the same partnership", async () => {
    const first = await acceptRequest(refB(), ownerB.ctx);
    // This time B asks A, for an event.
    const second = await sendCooperationRequest(sendInput({ orgSlug: orgB.slug, receiverSlug: orgA.slug, kind: "EVENT" }), ownerB.ctx);
    const accepted = await acceptRequest({ orgSlug: orgA.slug, requestId: second.id }, ownerA.ctx);
    expect(accepted.partnershipId).toBe(first.partnershipId);
    expect(await db.partnership.count()).toBe(1);
    const events = await db.partnershipEvent.findMany({ where: { partnershipId: first.partnershipId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.kind, e.requestId, e.organizationId])).toEqual([
      ["CREATED", requestId, orgB.id],
      ["REQUEST_ACCEPTED", second.id, orgA.id],
    ]);
    expect((await db.cooperationRequest.findUniqueOrThrow({ where: { id: second.id } })).partnershipId).toBe(first.partnershipId);
  });

  it("an ended partnership is renewed as a weak tie by the next accepted request, its history kept", async () => {
    const { partnershipId } = await acceptRequest(refB(), ownerB.ctx);
    await db.partnership.update({ where: { id: partnershipId }, data: { tie: "DURABLE", description: "Joint lab", isActive: false, endedAt: new Date(), endedByOrgId: orgA.id } });
    const next = await send({ kind: "INVESTMENT" });
    const renewed = await acceptRequest({ orgSlug: orgB.slug, requestId: next.id }, ownerB.ctx);
    expect(renewed.partnershipId).toBe(partnershipId);
    const partnership = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(partnership).toMatchObject({ isActive: true, tie: "WEAK", endedAt: null, endedByOrgId: null, description: null });
    const events = await db.partnershipEvent.findMany({ where: { partnershipId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["CREATED", "RENEWED"]);
  });

  it("two requests of one pair accepted at the same moment make one partnership", async () => {
    const second = await sendCooperationRequest(sendInput({ orgSlug: orgB.slug, receiverSlug: orgA.slug, kind: "EVENT" }), ownerB.ctx);
    const [one, two] = await Promise.all([acceptRequest(refB(), ownerB.ctx), acceptRequest({ orgSlug: orgA.slug, requestId: second.id }, ownerA.ctx)]);
    expect(one.partnershipId).toBe(two.partnershipId);
    expect(await db.partnership.count()).toBe(1);
    expect((await db.partnershipEvent.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.kind).sort()).toEqual(["CREATED", "REQUEST_ACCEPTED"]);
  });

  it("decline: needs a reason, which the sender sees; then nothing more can happen", async () => {
    await declineRequest({ ...refB(), reason: "Not our field this year" }, ownerB.ctx);
    const request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "DECLINED", declineReason: "Not our field this year", partnershipId: null });
    expect(request.respondedAt).not.toBeNull();
    const last = await db.requestMessage.findFirstOrThrow({ where: { requestId }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ kind: "DECLINED", body: "Not our field this year", organizationId: orgB.id });
    expect(await db.notification.findMany({ where: { kind: "request.declined" }, select: { userId: true, data: true } })).toEqual([
      { userId: ownerA.id, data: { path: `/o/${orgA.slug}/requests/${requestId}`, orgName: "Pôle Beta", subject: "Horizon Europe call on medtech", reason: "Not our field this year" } },
    ]);
    await expectDomainError(replyToRequest({ ...refA(), message: "Please reconsider" }, ownerA.ctx), "requests.errors.wrongState");
    await expectDomainError(acceptRequest(refB(), ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(withdrawRequest(refA(), ownerA.ctx), "requests.errors.wrongState");
    expect(await db.partnership.count()).toBe(0);
    expect(await db.requestMessage.count({ where: { requestId } })).toBe(2);
  });

  it("withdraw: the sender only; then no reply, accept or decline", async () => {
    await expectDomainError(withdrawRequest(refB(), ownerB.ctx), "requests.errors.onlySender");
    await expectDomainError(acceptRequest(refA(), ownerA.ctx), "requests.errors.onlyReceiver");
    await expectDomainError(declineRequest({ ...refA(), reason: "x" }, ownerA.ctx), "requests.errors.onlyReceiver");
    await withdrawRequest(refA(), ownerA.ctx);
    const request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "WITHDRAWN", respondedAt: null, lastActorOrgId: orgA.id });
    expect(await db.notification.findMany({ where: { kind: "request.withdrawn" }, select: { userId: true } })).toEqual([{ userId: ownerB.id }]);
    await expectDomainError(replyToRequest({ ...refB(), message: "Too late?" }, ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(replyToRequest({ ...refA(), message: "Sorry" }, ownerA.ctx), "requests.errors.wrongState");
    await expectDomainError(acceptRequest(refB(), ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(declineRequest({ ...refB(), reason: "No" }, ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(withdrawRequest(refA(), ownerA.ctx), "requests.errors.wrongState");
    expect((await db.requestMessage.findMany({ where: { requestId } })).map((m) => m.kind).sort()).toEqual(["OPENING", "WITHDRAWN"]);
  });

  it("accept and withdraw at the same moment: exactly one wins, the other is told the state changed", async () => {
    const results = await Promise.allSettled([acceptRequest(refB(), ownerB.ctx), withdrawRequest(refA(), ownerA.ctx)]);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ messageKey: "requests.errors.wrongState" });
    const request = await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(["ACCEPTED", "WITHDRAWN"]).toContain(request.status);
    expect(await db.partnership.count()).toBe(request.status === "ACCEPTED" ? 1 : 0);
    expect(await db.requestMessage.count({ where: { requestId } })).toBe(2);
  });

  it("every answer needs requests:send: a MEMBER of either side gets ForbiddenError and nothing changes", async () => {
    const memberA = await makeUser();
    const memberB = await makeUser();
    await join(orgA, memberA, "MEMBER");
    await join(orgB, memberB, "MEMBER");
    expect(await failure(replyToRequest({ ...refB(), message: "hi" }, memberB.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await failure(acceptRequest(refB(), memberB.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await failure(declineRequest({ ...refB(), reason: "no" }, memberB.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await failure(withdrawRequest(refA(), memberA.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await failure(replyToRequest({ ...refA(), message: "hi" }, memberA.ctx))).toBeInstanceOf(ForbiddenError);
    expect(await db.cooperationRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "OPEN", respondedAt: null });
    expect(await db.requestMessage.count()).toBe(1);
    // But they can read.
    expect((await listRequests({ orgSlug: orgB.slug, box: "inbox" }, memberB.ctx)).total).toBe(1);
  });
});

describe("listSendingOrganizations", () => {
  it("lists the user's approved organisations where their role may send, never the receiver itself", async () => {
    const user = await makeUser();
    const approvedEditor = await makeApprovedOrg(ownerA, { name: "Zeta Cluster" });
    const approvedMember = await makeApprovedOrg(ownerA);
    const draftOwned = await makeOrg(user);
    await join(approvedEditor, user, "EDITOR");
    await join(approvedMember, user, "MEMBER");
    await join(orgB, user, "ADMIN");
    await join(orgA, user, "OWNER");
    expect(draftOwned.id).toBeTruthy();
    expect(await listSendingOrganizations({ receiverSlug: orgB.slug }, { actor: user })).toEqual({
      organizations: [
        { slug: orgA.slug, name: "Medicon Alpha" },
        { slug: approvedEditor.slug, name: "Zeta Cluster" },
      ],
      isReceiverMember: true,
    });
    expect(await listSendingOrganizations({ receiverSlug: orgA.slug }, { actor: ownerB })).toEqual({
      organizations: [{ slug: orgB.slug, name: "Pôle Beta" }],
      isReceiverMember: false,
    });
    const loner = await makeUser();
    expect(await listSendingOrganizations({ receiverSlug: orgA.slug }, { actor: loner })).toEqual({ organizations: [], isReceiverMember: false });
  });
});

describe("listRequests", () => {
  it("pages and filters by status, kind and the other side's country; each box holds only its own side", async () => {
    const ownerC = await makeUser();
    const orgC = await makeApprovedOrg(ownerC, { name: "Cluster Gamma", country: "BR" });
    const r1 = await send(); // A → B (FR), joint project
    await send({ kind: "EVENT" }); // A → B, event
    const r3 = await send({ receiverSlug: orgC.slug, kind: "EVENT" }); // A → C (BR)
    await sendCooperationRequest(sendInput({ orgSlug: orgC.slug, receiverSlug: orgA.slug }), ownerC.ctx); // C → A
    await declineRequest({ orgSlug: orgB.slug, requestId: r1.id, reason: "No" }, ownerB.ctx);

    const sent = await listRequests({ orgSlug: orgA.slug, box: "sent", perPage: 2, page: 1 }, ownerA.ctx);
    expect(sent).toMatchObject({ total: 3, page: 1, perPage: 2, totalPages: 2, countries: ["BR", "FR"] });
    expect(sent.data).toHaveLength(2);
    const page2 = await listRequests({ orgSlug: orgA.slug, box: "sent", perPage: 2, page: 2 }, ownerA.ctx);
    expect(page2.data).toHaveLength(1);
    expect(new Set([...sent.data, ...page2.data].map((r) => r.id)).size).toBe(3);

    const byCountry = await listRequests({ orgSlug: orgA.slug, box: "sent", country: "BR" }, ownerA.ctx);
    expect(byCountry.data.map((r) => r.id)).toEqual([r3.id]);
    const declined = await listRequests({ orgSlug: orgA.slug, box: "sent", status: "DECLINED" }, ownerA.ctx);
    expect(declined.data.map((r) => r.id)).toEqual([r1.id]);
    const events = await listRequests({ orgSlug: orgA.slug, box: "sent", kind: "EVENT", sort: { id: "organization", desc: false } }, ownerA.ctx);
    expect(events.data.map((r) => r.other.name)).toEqual(["Cluster Gamma", "Pôle Beta"]);

    const inbox = await listRequests({ orgSlug: orgA.slug, box: "inbox" }, ownerA.ctx);
    expect(inbox.data.map((r) => r.other.slug)).toEqual([orgC.slug]);
    expect(inbox.countries).toEqual(["BR"]);
    // B's inbox holds only what A sent to B.
    expect((await listRequests({ orgSlug: orgB.slug, box: "inbox" }, ownerB.ctx)).total).toBe(2);
  });
});

describe("runRequestDeadlines", () => {
  it("reminds the receiver at day 14, once; expires at day 30 with a thread entry and notices to both sides; runs twice safely", async () => {
    const { id } = await send();
    const answered = await send({ kind: "EVENT" });
    await replyToRequest({ orgSlug: orgB.slug, requestId: answered.id, message: "Let us talk" }, ownerB.ctx);
    const sentAt = (await db.cooperationRequest.findUniqueOrThrow({ where: { id } })).createdAt.getTime();

    // Day 13: nothing yet.
    expect(await runRequestDeadlines({ db, now: new Date(sentAt + 13 * DAY) })).toEqual({ reminded: 0, expired: 0 });

    const day14 = new Date(sentAt + REMINDER_AFTER_MS + 60_000);
    expect(await runRequestDeadlines({ db, now: day14 })).toEqual({ reminded: 1, expired: 0 });
    expect(await runRequestDeadlines({ db, now: day14 })).toEqual({ reminded: 0, expired: 0 });
    const reminded = await db.cooperationRequest.findUniqueOrThrow({ where: { id } });
    expect(reminded).toMatchObject({ status: "OPEN", remindedAt: day14 });
    expect(await db.notification.findMany({ where: { kind: "request.reminder" }, select: { userId: true, data: true } })).toEqual([
      { userId: ownerB.id, data: { path: `/o/${orgB.slug}/requests/${id}`, orgName: "Medicon Alpha", subject: "Horizon Europe call on medtech" } },
    ]);

    const day31 = new Date(sentAt + 31 * DAY);
    expect(await runRequestDeadlines({ db, now: day31 })).toEqual({ reminded: 0, expired: 1 });
    expect(await runRequestDeadlines({ db, now: day31 })).toEqual({ reminded: 0, expired: 0 });
    const expired = await db.cooperationRequest.findUniqueOrThrow({ where: { id }, include: { messages: { orderBy: { createdAt: "asc" } } } });
    expect(expired).toMatchObject({ status: "EXPIRED", closedAt: day31, lastActorOrgId: null });
    expect(expired.messages.map((m) => [m.kind, m.organizationId])).toEqual([
      ["OPENING", orgA.id],
      ["EXPIRED", null],
    ]);
    const notices = await db.notification.findMany({ where: { kind: "request.expired" }, select: { userId: true, data: true } });
    expect(notices).toHaveLength(2);
    expect(notices).toEqual(
      expect.arrayContaining([
        { userId: ownerA.id, data: { path: `/o/${orgA.slug}/requests/${id}`, orgName: "Pôle Beta", subject: "Horizon Europe call on medtech" } },
        { userId: ownerB.id, data: { path: `/o/${orgB.slug}/requests/${id}`, orgName: "Medicon Alpha", subject: "Horizon Europe call on medtech" } },
      ]),
    );
    // News for both sides; the answered request is untouched.
    expect((await countUnreadRequests({ orgSlug: orgA.slug }, ownerA.ctx)).sent).toBe(2);
    expect(await db.cooperationRequest.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({ status: "OPEN", remindedAt: null });
    // An expired request frees the pair and kind for a new one, and cannot be answered.
    await expectDomainError(acceptRequest({ orgSlug: orgB.slug, requestId: id }, ownerB.ctx), "requests.errors.wrongState");
    await expectDomainError(replyToRequest({ orgSlug: orgA.slug, requestId: id, message: "Still there?" }, ownerA.ctx), "requests.errors.wrongState");
    await send();
  });

  it("a request already past both deadlines is expired without a reminder", async () => {
    const { id } = await send();
    const sentAt = (await db.cooperationRequest.findUniqueOrThrow({ where: { id } })).createdAt.getTime();
    expect(await runRequestDeadlines({ db, now: new Date(sentAt + 40 * DAY) })).toEqual({ reminded: 0, expired: 1 });
    expect(await db.notification.count({ where: { kind: "request.reminder" } })).toBe(0);
  });

  it("works through more than one batch", async () => {
    const receivers = await Promise.all(Array.from({ length: 3 }, () => makeApprovedOrg(ownerB)));
    const old = new Date(Date.now() - 40 * DAY);
    const kinds: RequestKind[] = ["JOINT_PROJECT", "TECHNOLOGY_TRANSFER", "MARKET_ENTRY", "BUSINESS_MISSION", "INVESTMENT", "SUPPLY_CHAIN", "EVENT", "OTHER"];
    await db.cooperationRequest.createMany({
      data: receivers.flatMap((r) =>
        kinds.flatMap((kind) => [
          { senderId: orgA.id, receiverId: r.id, kind, subject: "Old", createdAt: old, expiresAt: new Date(old.getTime() + REQUEST_LIFETIME_MS) },
          { senderId: orgB.id, receiverId: r.id, kind, subject: "Old", createdAt: old, expiresAt: new Date(old.getTime() + REQUEST_LIFETIME_MS) },
        ]),
      ),
    });
    const total = receivers.length * kinds.length * 2; // 48, and 8 more below: two batches
    await db.cooperationRequest.createMany({
      data: kinds.map((kind) => ({ senderId: orgB.id, receiverId: orgA.id, kind, subject: "Old", createdAt: old, expiresAt: new Date(old.getTime() + REQUEST_LIFETIME_MS) })),
    });
    const result = await runRequestDeadlines({ db, now: new Date() });
    expect(result.expired).toBe(total + kinds.length);
    expect(await db.cooperationRequest.count({ where: { status: "OPEN" } })).toBe(0);
  });
});
