import { expect } from "vitest";
import { UserError } from "@/lib/errors";

/** The UserError a promise rejects with (a failure if it resolves or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}
