export type AlertErrorCode = "alertNotFound" | "alertTargetNotFound" | "alertsOff" | "mailFailed" | "alertNotConfirmed";

/** A refusal the visitor can act on; `field` names the form field it belongs to. */
export class AlertError extends Error {
  constructor(
    readonly code: AlertErrorCode,
    readonly field?: string,
  ) {
    super(code);
    this.name = "AlertError";
  }
}
