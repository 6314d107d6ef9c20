import type { QuoteInContext } from "../sources/quote-context";

export type EditErrorCode =
  | "notFound"
  | "nothingChanged"
  | "transitionNotAllowed"
  | "quoteNotFound"
  | "quoteAmbiguous"
  | "sourceNotFound"
  | "correctsNotFound"
  | "metricNotFound"
  | "confirmLargeReading"
  | "pendingNotFound"
  | "alreadyReviewed"
  | "ownChange"
  | "statusChangedSince"
  | "initiativeChangedSince";

/**
 * A refusal the editor can act on; `field` names the form field it belongs to; `occurrences`, for
 * a quote found more than once, are the places to choose from.
 */
export class EditError extends Error {
  constructor(
    readonly code: EditErrorCode,
    readonly field?: string,
    readonly occurrences?: QuoteInContext[],
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
