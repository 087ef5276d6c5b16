import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RequestKind, RequestStatus } from "@/lib/db/generated/enums";
import { requireMembership } from "@/lib/orgs/membership";
import { DEFAULT_REQUEST_SORT, type RequestSort } from "./list-params";
import type { RequestBox } from "./schemas";

type Actor = { id: string; email: string };

export type RequestListRow = {
  id: string;
  kind: RequestKind;
  subject: string;
  status: RequestStatus;
  createdAt: Date;
  lastActivityAt: Date;
  /** The organisation on the other side: the sender in the inbox, the receiver in "sent". */
  other: { name: string; slug: string; country: string };
  /** Something happened that this side has not seen (a new request, a reply, a status change by the other side). */
  isUnread: boolean;
};

/**
 * Whether a request has news for one side: the last activity is newer than
 * that side's last visit and was not its own doing. A status change by the
 * expiry job (no acting organisation) is news for both.
 */
function isUnreadFor(
  row: { lastActivityAt: Date; lastActorOrgId: string | null; senderSeenAt: Date | null; receiverSeenAt: Date | null },
  side: "sender" | "receiver",
  organizationId: string,
): boolean {
  const seenAt = side === "sender" ? row.senderSeenAt : row.receiverSeenAt;
  return row.lastActorOrgId !== organizationId && (seenAt === null || row.lastActivityAt > seenAt);
}

function order(box: RequestBox, sort: { id: RequestSort; desc: boolean } | null | undefined): Prisma.CooperationRequestOrderByWithRelationInput[] {
  const { id, desc } = sort ?? DEFAULT_REQUEST_SORT;
  const dir = desc ? "desc" : "asc";
  const tieBreak: Prisma.CooperationRequestOrderByWithRelationInput[] = [{ lastActivityAt: "desc" }, { id: "asc" }];
  switch (id) {
    case "createdAt":
      return [{ createdAt: dir }, { id: "asc" }];
    case "subject":
      return [{ subject: dir }, ...tieBreak];
    case "organization":
      return [box === "inbox" ? { sender: { name: dir } } : { receiver: { name: dir } }, ...tieBreak];
    case "kind":
      return [{ kind: dir }, ...tieBreak];
    case "status":
      return [{ status: dir }, ...tieBreak];
    default:
      return [{ lastActivityAt: dir }, { id: "asc" }];
  }
}

/**
 * One page of the acting organisation's inbox (requests it received) or
 * sent box, filtered by status, kind and the other side's country. The
 * organisation is in every WHERE: a request between two other
 * organisations can never appear. `countries` lists the other sides'
 * countries in this box, for the filter.
 */
export async function listRequests(
  input: {
    orgSlug: string;
    box: RequestBox;
    page?: number;
    perPage?: number;
    sort?: { id: RequestSort; desc: boolean } | null;
    status?: RequestStatus;
    kind?: RequestKind;
    country?: string;
  },
  ctx: { actor: Actor },
) {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const orgId = membership.organization.id;
  const box: RequestBox = input.box === "sent" ? "sent" : "inbox";
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const perPage = Math.min(100, Math.max(1, Math.floor(input.perPage ?? 20)));
  const side = box === "inbox" ? "receiver" : "sender";
  const other = box === "inbox" ? "sender" : "receiver";

  const where: Prisma.CooperationRequestWhereInput = {
    ...(box === "inbox" ? { receiverId: orgId } : { senderId: orgId }),
    ...(input.status ? { status: input.status } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.country ? { [other]: { country: input.country } } : {}),
  };
  const orgSelect = { select: { name: true, slug: true, country: true } } as const;
  const db = getDb();
  const [rows, total, countryRows] = await db.$transaction([
    db.cooperationRequest.findMany({
      where,
      orderBy: order(box, input.sort),
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        kind: true,
        subject: true,
        status: true,
        createdAt: true,
        lastActivityAt: true,
        lastActorOrgId: true,
        senderSeenAt: true,
        receiverSeenAt: true,
        sender: orgSelect,
        receiver: orgSelect,
      },
    }),
    db.cooperationRequest.count({ where }),
    db.organization.findMany({
      where: box === "inbox" ? { requestsSent: { some: { receiverId: orgId } } } : { requestsReceived: { some: { senderId: orgId } } },
      distinct: ["country"],
      select: { country: true },
      orderBy: { country: "asc" },
    }),
  ]);

  const data: RequestListRow[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    status: row.status,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    other: row[other],
    isUnread: isUnreadFor(row, side, orgId),
  }));
  return {
    membership,
    box,
    data,
    total,
    page,
    perPage,
    totalPages: Math.max(1, Math.ceil(total / perPage)),
    countries: countryRows.map((c) => c.country),
  };
}

/**
 * Requests with news for the acting organisation, per box: the badge in the
 * organisation's navigation and on the inbox / sent tabs. One query; the
 * condition is the one of `isUnreadFor`.
 */
export async function countUnreadRequests(input: { orgSlug: string }, ctx: { actor: Actor }): Promise<{ inbox: number; sent: number; total: number }> {
  const membership = await requireMembership({ userId: ctx.actor.id, orgSlug: input.orgSlug, permission: "requests:read" });
  const orgId = membership.organization.id;
  const [counts] = await getDb().$queryRaw<{ inbox: number; sent: number }[]>`
    SELECT
      count(*) FILTER (WHERE "receiverId" = ${orgId}
        AND ("receiverSeenAt" IS NULL OR "lastActivityAt" > "receiverSeenAt"))::int AS inbox,
      count(*) FILTER (WHERE "senderId" = ${orgId}
        AND ("senderSeenAt" IS NULL OR "lastActivityAt" > "senderSeenAt"))::int AS sent
    FROM "CooperationRequest"
    WHERE ("receiverId" = ${orgId} OR "senderId" = ${orgId})
      AND "lastActorOrgId" IS DISTINCT FROM ${orgId}`;
  const inbox = counts?.inbox ?? 0;
  const sent = counts?.sent ?? 0;
  return { inbox, sent, total: inbox + sent };
}

/**
 * Everything /o/[slug]/requests shows: one page of the chosen box and the
 * unread count of each box (for the tabs).
 */
export async function getRequestsPage(input: Parameters<typeof listRequests>[0], ctx: { actor: Actor }) {
  const list = await listRequests(input, ctx);
  const unread = await countUnreadRequests({ orgSlug: input.orgSlug }, ctx);
  return { ...list, unread };
}
