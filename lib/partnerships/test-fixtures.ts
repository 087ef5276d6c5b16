/**
 * Test helpers for partnerships (never imported by the app): a partnership
 * made the way the app makes one, by accepting a cooperation request
 * (record-accepted-request.ts), on the integration-test database.
 */
import { testDb } from "@/lib/testing/db";
import { recordAcceptedRequest } from "./record-accepted-request";

/** An accepted request from `sender` to `receiver`, recorded on the pair's partnership; returns its id. */
export async function acceptRequestBetween(
  sender: { id: string },
  receiver: { id: string },
  actor: { id: string; name: string },
  subject = "Joint project on medical imaging",
): Promise<{ partnershipId: string; requestId: string }> {
  const db = testDb();
  return db.$transaction(async (tx) => {
    const request = await tx.cooperationRequest.create({
      data: {
        senderId: sender.id,
        receiverId: receiver.id,
        kind: "JOINT_PROJECT",
        subject,
        status: "ACCEPTED",
        expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
        respondedAt: new Date(),
        closedAt: new Date(),
      },
    });
    const { partnershipId } = await recordAcceptedRequest(tx, {
      requestId: request.id,
      senderId: sender.id,
      receiverId: receiver.id,
      actingOrgId: receiver.id,
      actor,
    });
    return { partnershipId, requestId: request.id };
  });
}
