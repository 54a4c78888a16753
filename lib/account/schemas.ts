import { z } from "zod";

// Shared by the client forms and the server actions, so this file must stay free of server-only
// imports (lib/auth/password.ts pulls in the native argon2 binding, which no browser can load).

/** The one rule for a new password, wherever one is set. */
export const newPasswordRule = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

const emailField = z.string().trim().min(1, "Enter your email address.").max(320, "That address is too long.").pipe(z.email("Enter a valid email address."));

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
  // empty until the server asks for a second factor
  code: z.string().trim().max(32, "That code is too long.").optional(),
  callbackUrl: z.string().max(2000).optional(),
});
export type LoginInput = z.input<typeof loginSchema>;

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

const mismatch = { message: "The passwords do not match.", path: ["confirmPassword"] };

export const resetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: newPasswordRule,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, mismatch);
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const profileSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailField,
});
export type ProfileInput = z.input<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    password: newPasswordRule,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, mismatch);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.")),
});
export type TotpCodeInput = z.input<typeof totpCodeSchema>;

export const confirmPasswordSchema = z.object({
  password: z.string().min(1, "Enter your current password.").max(200),
});
export type ConfirmPasswordInput = z.input<typeof confirmPasswordSchema>;
