import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";

// The part of the Auth.js config that needs no database, shared by middleware and the server.
export const authConfig = {
  // read here, by name, so the dev secret from next.config.mjs is compiled in
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id ?? "";
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      // Only the server knows the new random version after a password change; a guessed one
      // from a browser never matches the database, so the session is refused anyway.
      if (trigger === "update" && typeof session?.sessionVersion === "string") token.sv = session.sessionVersion;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.role = token.role;
      session.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: string;
  }
  interface Session {
    sessionVersion: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sv: string;
  }
}
