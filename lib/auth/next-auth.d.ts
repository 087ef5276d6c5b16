// What our sessions carry: only the user's id (and, in the JWT, the session
// version). Everything else is read fresh from the database per request.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}
