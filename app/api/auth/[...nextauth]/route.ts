// GET, POST /api/auth/* - next-auth: sign-in with e-mail and password, sign-out, session, CSRF token
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { guardNextAuth } from "@/lib/http/next-auth-guard";

// next-auth's POSTs carry its own CSRF token; the guard turns its 500s for malformed input into 400s.
const handler = guardNextAuth(NextAuth(authOptions));

export { handler as GET, handler as POST };
