import { DomainError } from "../errors/domain-error";

export type EditErrorCode =
  | "notFound"
  | "nothingChanged"
  | "transitionNotAllowed"
  | "quoteNotFound"
  | "sourceNotFound"
  | "correctsNotFound"
  | "metricNotFound"
  | "confirmLargeReading"
  | "pendingNotFound"
  | "alreadyReviewed"
  | "ownChange"
  | "statusChangedSince";

/** A refusal the editor can act on; `field` names the form field it belongs to. */
export class EditError extends DomainError<EditErrorCode> {}

/** The initiative changed after the editor loaded it; nothing was written. */
export class ConflictError extends DomainError<"conflict"> {
  constructor(
    readonly currentVersion: number,
    readonly expectedVersion: number,
  ) {
    super("conflict", undefined, `Initiative is at version ${currentVersion}, the edit was made on version ${expectedVersion}.`);
  }
}
