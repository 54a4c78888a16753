/**
 * A refusal meant for the person who asked (a duplicate, a conflict, a rule of the business).
 * Domain code throws it; the action wrapper shows its message and field errors as they are.
 */
export class UserError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Someone else saved the record after this edit began. */
export class ConflictError extends UserError {
  constructor(what: string) {
    super(`${what} was changed by someone else while you were editing. Reload to see their changes, then edit again.`);
    this.name = "ConflictError";
  }
}
