import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { getEnv } from "@/lib/env";
import { normalizeEmail } from "./email";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInRetryAfter } from "./rate-limit";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";

/**
 * Errors the sign-in form shows. One code for a wrong e-mail and a wrong
 * password alike, so the form never tells whether an account exists.
 */
export const SIGN_IN_ERRORS = ["invalidCredentials", "rateLimited", "emailNotVerified", "suspended"] as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  get secret() {
    return getEnv().authSecret;
  },
  // next-auth's cookies are HttpOnly and SameSite=Lax; over HTTPS they are also
  // Secure with the __Secure-/__Host- prefixes, so they never travel over plain
  // HTTP and a subdomain or a network attacker cannot plant them. Decided by
  // APP_URL (lib/env.ts), not by next-auth reading NEXTAUTH_URL itself.
  get useSecureCookies() {
    return getEnv().isHttps;
  },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        try {
          const email = normalizeEmail(String(credentials?.email ?? "")).slice(0, 254);
          const password = String(credentials?.password ?? "").slice(0, 1000);
          const ip = clientIpFromHeaders(req.headers ?? {});
          if (!email || !password) throw new Error("invalidCredentials");

          const retryAfter = await signInRetryAfter(email, ip);
          if (retryAfter > 0) throw new Error(`rateLimited:${retryAfter}`);

          const user = await getDb().user.findUnique({ where: { email } });
          const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
          if (!user || !ok) {
            await recordFailedSignIn(email, ip);
            throw new Error("invalidCredentials");
          }
          await clearFailedSignIns(email);
          // Only the owner of the password learns these two.
          if (user.suspendedAt) throw new Error("suspended");
          if (!user.emailVerifiedAt) throw new Error("emailNotVerified");
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          // next-auth writes the message into the sign-in URL (?error=…): only
          // our codes may go there, never a database error's text (PostgreSQL
          // restarting, say). The form shows anything else as a generic error.
          if (error instanceof Error && /^(invalidCredentials|rateLimited:\d+|emailNotVerified|suspended)$/.test(error.message)) throw error;
          logger.error("sign-in failed", { error });
          throw new Error(isDatabaseUnavailable(error) ? "unavailable" : "failed");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        return { uid: user.id, sv: (user as { sessionVersion?: number }).sessionVersion ?? 1 };
      }
      if (typeof token.uid !== "string") return {};
      // Checked on every use: a password change, "sign out everywhere" or a
      // suspension bumps sessionVersion and so ends every older session.
      let current: { sessionVersion: number; suspendedAt: Date | null } | null;
      try {
        current = await getDb().user.findUnique({
          where: { id: token.uid },
          select: { sessionVersion: true, suspendedAt: true },
        });
      } catch (error) {
        // While PostgreSQL restarts, keep the session rather than signing
        // everyone out (next-auth would clear the cookie): nothing can be
        // read or changed without the database anyway, and the next request
        // after it is back checks the version again.
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      if (!current || current.suspendedAt || current.sessionVersion !== token.sv) return {};
      return token;
    },
    async session({ session, token }) {
      return {
        expires: session.expires,
        user: typeof token.uid === "string" ? { id: token.uid } : undefined,
      } as typeof session;
    },
  },
};
