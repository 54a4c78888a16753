import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { authConfig } from "./config";
import { verifyLogin, type LoginFailure } from "./login";
import { requestMeta } from "./request-meta";

/** Carries the reason to the login action as `error.code`. */
class LoginError extends CredentialsSignin {
  constructor(reason: LoginFailure) {
    super(reason);
    this.code = reason;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(200),
  code: z.string().trim().max(32).optional(),
});

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  ...authConfig,
  trustHost: env().AUTH_TRUST_HOST || env().NODE_ENV !== "production",
  logger: {
    // Wrong passwords are audited rows, not server errors.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse({ ...raw, code: raw.code || undefined });
        if (!parsed.success) throw new LoginError("invalid");
        const result = await verifyLogin(await getDb(), parsed.data, requestMeta(request.headers));
        if (!result.ok) throw new LoginError(result.reason);
        return result.user;
      },
    }),
  ],
});
