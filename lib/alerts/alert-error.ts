import { DomainError } from "../errors/domain-error";

export type AlertErrorCode = "alertNotFound" | "alertTargetNotFound" | "alertsOff" | "mailFailed" | "alertNotConfirmed";

/** A refusal the visitor can act on; `field` names the form field it belongs to. */
export class AlertError extends DomainError<AlertErrorCode> {}
