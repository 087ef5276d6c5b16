/**
 * An expected failure the user should see: the message is a key in the
 * message files (for example "orgs.errors.lastOwner"), with values for its
 * placeholders. Anything else thrown is a bug: logged, shown as a generic
 * message.
 */
export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

/**
 * The row does not exist, or the actor may not know it exists. Both look the
 * same, so that a URL cannot be used to probe another tenant's data.
 */
export class NotFoundError extends DomainError {
  constructor() {
    super("errors.notFound");
    this.name = "NotFoundError";
  }
}

/** The actor is a member but their role does not allow this. */
export class ForbiddenError extends DomainError {
  constructor() {
    super("errors.forbidden");
    this.name = "ForbiddenError";
  }
}
