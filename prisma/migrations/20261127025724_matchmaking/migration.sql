-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('JOINT_PROJECT', 'TECHNOLOGY_TRANSFER', 'MARKET_ENTRY', 'BUSINESS_MISSION', 'INVESTMENT', 'SUPPLY_CHAIN', 'EVENT', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "RequestMessageKind" AS ENUM ('OPENING', 'REPLY', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "TieStrength" AS ENUM ('WEAK', 'DURABLE', 'COVALENT');

-- CreateEnum
CREATE TYPE "PartnershipEventKind" AS ENUM ('CREATED', 'REQUEST_ACCEPTED', 'RAISE_PROPOSED', 'RAISE_CONFIRMED', 'RAISE_DECLINED', 'RAISE_WITHDRAWN', 'ENDED', 'RENEWED');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "digestedAt" TIMESTAMP(3),
ADD COLUMN     "inDigest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestSentAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CooperationRequest" (
    "id" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "receiverId" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT,
    "declineReason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActorOrgId" TEXT,
    "senderSeenAt" TIMESTAMP(3),
    "receiverSeenAt" TIMESTAMP(3),
    "partnershipId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CooperationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "organizationId" TEXT,
    "authorId" TEXT,
    "authorName" TEXT,
    "kind" "RequestMessageKind" NOT NULL DEFAULT 'REPLY',
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "organizationAId" TEXT NOT NULL,
    "organizationBId" TEXT NOT NULL,
    "tie" "TieStrength" NOT NULL DEFAULT 'WEAK',
    "description" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "endedAt" TIMESTAMP(3),
    "endedByOrgId" TEXT,
    "proposedTie" "TieStrength",
    "proposedByOrgId" TEXT,
    "proposedDescription" TEXT,
    "proposedAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipEvent" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "kind" "PartnershipEventKind" NOT NULL,
    "organizationId" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "tie" "TieStrength",
    "description" TEXT,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnershipEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "RecommendationDismissal" (
    "organizationId" TEXT NOT NULL,
    "dismissedId" TEXT NOT NULL,
    "dismissedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationDismissal_pkey" PRIMARY KEY ("organizationId","dismissedId")
);

-- CreateIndex
CREATE INDEX "CooperationRequest_senderId_createdAt_idx" ON "CooperationRequest"("senderId", "createdAt");

-- CreateIndex
CREATE INDEX "CooperationRequest_receiverId_createdAt_idx" ON "CooperationRequest"("receiverId", "createdAt");

-- CreateIndex
CREATE INDEX "CooperationRequest_status_expiresAt_idx" ON "CooperationRequest"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "CooperationRequest_partnershipId_idx" ON "CooperationRequest"("partnershipId");

-- CreateIndex
CREATE INDEX "RequestMessage_requestId_createdAt_idx" ON "RequestMessage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestMessage_organizationId_idx" ON "RequestMessage"("organizationId");

-- CreateIndex
CREATE INDEX "Partnership_organizationBId_idx" ON "Partnership"("organizationBId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_organizationAId_organizationBId_key" ON "Partnership"("organizationAId", "organizationBId");

-- CreateIndex
CREATE INDEX "PartnershipEvent_partnershipId_createdAt_idx" ON "PartnershipEvent"("partnershipId", "createdAt");

-- CreateIndex
CREATE INDEX "PartnershipEvent_organizationId_idx" ON "PartnershipEvent"("organizationId");

-- CreateIndex
CREATE INDEX "RecommendationDismissal_dismissedId_idx" ON "RecommendationDismissal"("dismissedId");

-- CreateIndex
CREATE INDEX "Notification_inDigest_digestedAt_idx" ON "Notification"("inDigest", "digestedAt");

-- AddForeignKey
ALTER TABLE "CooperationRequest" ADD CONSTRAINT "CooperationRequest_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationRequest" ADD CONSTRAINT "CooperationRequest_receiverId_fkey" FOREIGN KEY ("receiverId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationRequest" ADD CONSTRAINT "CooperationRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CooperationRequest" ADD CONSTRAINT "CooperationRequest_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMessage" ADD CONSTRAINT "RequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "CooperationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMessage" ADD CONSTRAINT "RequestMessage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMessage" ADD CONSTRAINT "RequestMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_organizationAId_fkey" FOREIGN KEY ("organizationAId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_organizationBId_fkey" FOREIGN KEY ("organizationBId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipEvent" ADD CONSTRAINT "PartnershipEvent_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipEvent" ADD CONSTRAINT "PartnershipEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipEvent" ADD CONSTRAINT "PartnershipEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationDismissal" ADD CONSTRAINT "RecommendationDismissal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationDismissal" ADD CONSTRAINT "RecommendationDismissal_dismissedId_fkey" FOREIGN KEY ("dismissedId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database holds, so that no code path (nor two concurrent ones) can break them.

-- No request to one's own organisation.
ALTER TABLE "CooperationRequest" ADD CONSTRAINT "CooperationRequest_not_to_self" CHECK ("senderId" <> "receiverId");

-- One open request per (sender, receiver, kind): of 50 concurrent identical
-- submissions exactly one is stored; the others hit this index (P2002) and
-- get a friendly message (lib/requests).
CREATE UNIQUE INDEX "CooperationRequest_one_open_per_kind"
  ON "CooperationRequest" ("senderId", "receiverId", "kind") WHERE "status" = 'OPEN';

-- Open requests by creation date: the day-14 reminder and day-30 expiry job.
CREATE INDEX "CooperationRequest_open_createdAt_idx" ON "CooperationRequest" ("createdAt") WHERE "status" = 'OPEN';

-- A pair is stored once, in a fixed order.
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_ordered_pair" CHECK ("organizationAId" < "organizationBId");

-- A proposal is complete or absent.
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_proposal_complete"
  CHECK (("proposedTie" IS NULL) = ("proposedByOrgId" IS NULL));

-- No self-dismissal.
ALTER TABLE "RecommendationDismissal" ADD CONSTRAINT "RecommendationDismissal_not_self" CHECK ("organizationId" <> "dismissedId");
