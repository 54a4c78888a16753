import { describe, expect, it } from "vitest";
import { safeCallbackUrl, toLoginFailure } from "@/lib/account/login-redirect";
import { changePasswordSchema, loginSchema, newPasswordRule, resetPasswordSchema, totpCodeSchema } from "@/lib/account/schemas";

describe("shared auth form schemas", () => {
  it("asks for 10 to 200 characters in a new password", () => {
    expect(newPasswordRule.safeParse("x".repeat(9)).error?.issues[0]?.message).toBe("Use at least 10 characters.");
    expect(newPasswordRule.safeParse("x".repeat(10)).success).toBe(true);
    expect(newPasswordRule.safeParse("x".repeat(201)).error?.issues[0]?.message).toBe("Use at most 200 characters.");
  });

  it("puts a password mismatch on the confirm field", () => {
    const reset = resetPasswordSchema.safeParse({ token: "t", password: "long-enough-1", confirmPassword: "long-enough-2" });
    expect(reset.success).toBe(false);
    expect(reset.error?.issues.map((i) => i.path.join("."))).toEqual(["confirmPassword"]);
    const change = changePasswordSchema.safeParse({ currentPassword: "old", password: "long-enough-1", confirmPassword: "long-enough-1" });
    expect(change.success).toBe(true);
  });

  it("trims the login email and refuses a malformed one", () => {
    expect(loginSchema.parse({ email: "  a@b.test ", password: "p" }).email).toBe("a@b.test");
    const bad = loginSchema.safeParse({ email: "not-an-email", password: "p" });
    expect(bad.error?.issues[0]?.path).toEqual(["email"]);
  });

  it("accepts a 6-digit code with spaces and refuses anything else", () => {
    expect(totpCodeSchema.parse({ code: "123 456" }).code).toBe("123456");
    expect(totpCodeSchema.safeParse({ code: "12345" }).success).toBe(false);
    expect(totpCodeSchema.safeParse({ code: "abcdef" }).success).toBe(false);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/invoices?status=open")).toBe("/invoices?status=open");
    expect(safeCallbackUrl("/admin/users")).toBe("/admin/users");
  });

  it("refuses other origins, protocol-relative and odd paths", () => {
    for (const value of ["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)", "/a\\b", "/x\ny", "", null, undefined, "/login", "/login?x=1"]) {
      expect(safeCallbackUrl(value), String(value)).toBeNull();
    }
  });
});

describe("toLoginFailure", () => {
  it("maps the known reasons and treats anything else as invalid", () => {
    expect(toLoginFailure("locked")).toBe("locked");
    expect(toLoginFailure("totp_required")).toBe("totp_required");
    expect(toLoginFailure("totp_invalid")).toBe("totp_invalid");
    expect(toLoginFailure("credentials")).toBe("invalid");
    expect(toLoginFailure(undefined)).toBe("invalid");
  });
});
