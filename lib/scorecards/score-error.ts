import { DomainError } from "../errors/domain-error";

/** A refusal of a score the editor can act on (messages in the `errors` namespace). */
export class ScoreError extends DomainError<"notFound" | "countryNotInInitiative" | "scoreChangedSince"> {}
