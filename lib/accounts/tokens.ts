import "server-only";
import type { Prisma, TokenPurpose } from "@/lib/db/generated/client";
import { createToken, hashToken, isWellFormedToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 48 * 60 * 60 * 1000,
  RESET_PASSWORD: 60 * 60 * 1000,
  CHANGE_EMAIL: 24 * 60 * 60 * 1000,
};

/** Issues a one-time token; returns the raw token for the e-mail link (only its hash is stored). */
export async function issueAuthToken(
  tx: Prisma.TransactionClient,
  options: { userId: string; purpose: TokenPurpose; newEmail?: string },
): Promise<string> {
  const { token, tokenHash } = createToken();
  await tx.authToken.create({
    data: {
      userId: options.userId,
      purpose: options.purpose,
      tokenHash,
      newEmail: options.newEmail,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[options.purpose]),
    },
  });
  return token;
}

/**
 * Takes a token for one use: marks it used in the same statement that checks
 * it is unused, so two clicks on one link cannot both succeed.
 * Throws a DomainError that says whether it was unknown, expired or used.
 */
export async function consumeAuthToken(tx: Prisma.TransactionClient, token: string, purpose: TokenPurpose) {
  const tokenHash = hashToken(token);
  const found = await tx.authToken.findUnique({ where: { tokenHash } });
  if (!found || found.purpose !== purpose) throw new DomainError("auth.token.invalid");
  if (found.usedAt) throw new DomainError("auth.token.used");
  if (found.expiresAt < new Date()) throw new DomainError("auth.token.expired");
  const claimed = await tx.authToken.updateMany({
    where: { id: found.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) throw new DomainError("auth.token.used");
  return found;
}

export type AuthTokenStatus = "valid" | "invalid" | "used" | "expired";

/**
 * What a link's token is, without using it up: the pages that a link opens
 * say at once when it is spent or stale (and offer a new one), while only the
 * POST of their button consumes it, so a mail scanner that fetches the link
 * changes nothing.
 */
export async function inspectAuthToken(token: unknown, purpose: TokenPurpose): Promise<AuthTokenStatus> {
  if (!isWellFormedToken(token)) return "invalid";
  const found = await getDb().authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  if (!found || found.purpose !== purpose) return "invalid";
  if (found.usedAt) return "used";
  if (found.expiresAt < new Date()) return "expired";
  return "valid";
}
