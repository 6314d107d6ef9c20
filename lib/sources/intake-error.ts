/**
 * A refusal of a source write the editor can act on: `code` is a key of the `errors` messages,
 * `field` the form field it belongs to, `values` what the message names (e.g. the existing source).
 */
export class IntakeError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "IntakeError";
  }
}
