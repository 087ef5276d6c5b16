import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

export type RecordAcceptedRequestInput = {
  requestId: string;
  senderId: string;
  receiverId: string;
  /** The organisation that accepted (the receiver of the request). */
  actingOrgId: string;
  actor: { id: string; name: string };
};

/**
 * Called inside the transaction that accepts a cooperation request: creates
 * the pair's partnership as a weak tie, or records the request on the one
 * that exists (renewing it as a weak tie when it had ended), and links the
 * request to it. The caller has already locked and checked the request.
 *
 * The pair is stored once, ordered A < B (a CHECK in the migration). Two
 * requests of the same pair accepted at the same moment must not create two
 * partnerships nor fail on the unique pair: the insert skips a conflicting
 * row and the row is then read under a lock, so the second transaction waits
 * and records its request on the partnership the first one created.
 */
export async function recordAcceptedRequest(
  tx: Prisma.TransactionClient,
  input: RecordAcceptedRequestInput,
): Promise<{ partnershipId: string }> {
  const [organizationAId, organizationBId] =
    input.senderId < input.receiverId ? [input.senderId, input.receiverId] : [input.receiverId, input.senderId];
  const now = new Date();

  const inserted = await tx.partnership.createMany({
    data: [{ organizationAId, organizationBId, tie: "WEAK", lastActivityAt: now }],
    skipDuplicates: true,
  });

  const [locked] = await tx.$queryRaw<{ id: string; isActive: boolean }[]>`
    SELECT id, "isActive" FROM "Partnership"
    WHERE "organizationAId" = ${organizationAId} AND "organizationBId" = ${organizationBId}
    FOR NO KEY UPDATE`;
  if (!locked) throw new Error("partnership row missing after insert");

  const event = {
    partnershipId: locked.id,
    organizationId: input.actingOrgId,
    actorId: input.actor.id,
    actorName: input.actor.name,
    requestId: input.requestId,
  };

  if (inserted.count === 1) {
    await tx.partnershipEvent.create({ data: { ...event, kind: "CREATED", tie: "WEAK" } });
  } else if (locked.isActive) {
    const partnership = await tx.partnership.update({
      where: { id: locked.id },
      data: { lastActivityAt: now },
      select: { tie: true },
    });
    await tx.partnershipEvent.create({ data: { ...event, kind: "REQUEST_ACCEPTED", tie: partnership.tie } });
  } else {
    // An ended partnership starts again from a weak tie; its history stays.
    await tx.partnership.update({
      where: { id: locked.id },
      data: {
        isActive: true,
        tie: "WEAK",
        description: null,
        endedAt: null,
        endedByOrgId: null,
        proposedTie: null,
        proposedByOrgId: null,
        proposedDescription: null,
        proposedAt: null,
        lastActivityAt: now,
      },
    });
    await tx.partnershipEvent.create({ data: { ...event, kind: "RENEWED", tie: "WEAK" } });
  }

  await tx.cooperationRequest.update({ where: { id: input.requestId }, data: { partnershipId: locked.id } });
  return { partnershipId: locked.id };
}
