import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import type { RequestStatus } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors/domain-error";

/** Where a side finds the request in the app: each organisation under its own slug. */
export function requestPath(orgSlug: string, requestId: string): string {
  return `/o/${orgSlug}/requests/${requestId}`;
}

/** The actor's display name, kept as text on messages and events so the thread survives account deletion. */
export async function actorName(tx: Prisma.TransactionClient | PrismaClient, userId: string): Promise<string> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  return user.name;
}

export type LockedRequest = {
  id: string;
  senderId: string;
  receiverId: string;
  status: RequestStatus;
  subject: string;
  respondedAt: Date | null;
  side: "sender" | "receiver";
};

/**
 * The request row, locked until the transaction ends, if the acting
 * organisation is one of its two sides; otherwise NotFoundError (the same
 * answer as for an id that does not exist). Tenancy is in the WHERE, and the
 * lock makes concurrent accept / decline / withdraw of one request run one
 * after another, so the second sees the first one's status.
 */
export async function lockRequestForOrg(
  tx: Prisma.TransactionClient,
  requestId: string,
  organizationId: string,
): Promise<LockedRequest> {
  const [row] = await tx.$queryRaw<Omit<LockedRequest, "side">[]>`
    SELECT id, "senderId", "receiverId", status::text AS status, subject, "respondedAt"
    FROM "CooperationRequest"
    WHERE id = ${requestId} AND ("senderId" = ${organizationId} OR "receiverId" = ${organizationId})
    FOR NO KEY UPDATE`;
  if (!row) throw new NotFoundError();
  return { ...row, side: row.senderId === organizationId ? "sender" : "receiver" };
}

/** The partial unique index of the migration: one OPEN request per (sender, receiver, kind). */
const ONE_OPEN_PER_KIND = "CooperationRequest_one_open_per_kind";

/**
 * Whether a database error is the "one open request per pair and kind"
 * index. Prisma reports a unique violation as P2002; with the pg driver
 * adapter the index name sits in meta (driverAdapterError.cause.constraint),
 * in the message with other engines, so both are searched. Only that index
 * becomes the friendly message: any other unique violation stays a bug.
 */
export function isOpenRequestConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const where = `${JSON.stringify(error.meta ?? {})} ${error.message}`;
  return where.includes(ONE_OPEN_PER_KIND);
}
