/**
 * The password policy, without the hashing: length, not composition (NIST SP
 * 800-63B), plus a refusal of the trivial passwords attackers try first.
 * Kept apart from password.ts (argon2, a native module) so that client forms
 * can validate with the same zod schema as the server.
 */
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

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
