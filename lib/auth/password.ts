/**
 * Passwords: argon2id hashes (@node-rs/argon2, OWASP's recommended
 * parameters) and a humane policy: length, not composition (NIST SP 800-63B),
 * plus a refusal of the trivial passwords attackers try first.
 */
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

// algorithm 2 is Argon2id (the package exports it as a const enum, which isolatedModules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Words that make up most breached passwords; a candidate that is one of
// these with digits or symbols around it is refused.
const TRIVIAL_CORES = [
  "password", "passw0rd", "qwerty", "qwertyuiop", "azerty", "letmein", "welcome", "admin", "iloveyou",
  "monkey", "dragon", "football", "baseball", "sunshine", "princess", "master", "login", "abc", "abcdef",
  "covalent", "cluster", "secret", "changeme", "parol", "пароль", "йцукен", "trustno1",
];

/** Why a password is refused, as a message key (messages: auth.password.*), or null. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  const core = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, "").replace(/^[\p{N}\p{P}\p{S}\s]+/u, "");
  if (core.length === 0 || TRIVIAL_CORES.includes(core)) return "tooCommon";
  if (new Set(lower).size <= 2) return "tooCommon";
  if (/^(0123456789|1234567890|0987654321|9876543210)+$/.test(lower.replace(/[^0-9]/g, "")) && !/[^0-9]/.test(lower)) {
    return "tooCommon";
  }
  const local = context.email?.toLowerCase().split("@")[0];
  if (local && local.length >= 4 && lower.includes(local)) return "containsEmail";
  return null;
}

/** The zod field for a new password; its message is the key of the problem. */
export const ZNewPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: `auth.password.${problem}` });
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matches keeps sign-in timing the
// same for known and unknown e-mail addresses (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("dummy-password-for-timing-only");
  await verifyPassword(await dummyHash, password);
  return false;
}
