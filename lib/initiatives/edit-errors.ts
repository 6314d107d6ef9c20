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
export class EditError extends Error {
  constructor(
    readonly code: EditErrorCode,
    readonly field?: string,
  ) {
    super(code);
    this.name = "EditError";
  }
}

/** The initiative changed after the editor loaded it; nothing was written. */
export class ConflictError extends Error {
  constructor(
    readonly currentVersion: number,
    readonly expectedVersion: number,
  ) {
    super(`Initiative is at version ${currentVersion}, the edit was made on version ${expectedVersion}.`);
    this.name = "ConflictError";
  }
}
