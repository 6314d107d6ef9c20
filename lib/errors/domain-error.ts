/**
 * A refusal the person can act on, raised by a domain function: `code` is a message key of
 * the `errors` namespace and `field` the form field it belongs to (none: the whole form).
 * Every domain error extends this, so runMutation and the CLIs catch one type.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly field?: string,
    message: string = code,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
