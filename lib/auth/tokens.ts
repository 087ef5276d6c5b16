/**
 * One-time tokens for links in e-mails (verification, password reset,
 * invitations). The link carries 256 random bits; the database keeps only
 * their SHA-256, so a leaked database backup cannot be turned into links.
 */
import { createHash, randomBytes } from "node:crypto";

export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token from a URL: refuses anything that cannot be one before hashing it. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
