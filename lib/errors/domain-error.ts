/**
 * A refusal the person can act on, raised by a domain function: `code` is a message key of
 * the `errors` namespace, `field` the form field it belongs to (none: the whole form) and `values`
 * what the message names. Every domain error extends this, so runMutation and the CLIs catch one type.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly field?: string,
    message: string = code,
    readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
