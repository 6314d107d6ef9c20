import { STAGES, type CountryRole, type Stage } from "../domain/vocabulary";

/** Position of a stage on the ladder announced → drafting → … → operating (0-based). */
export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Whether a country's own stage has reached `min` (e.g. signed, or ratified, in force, operating). */
export function isAtOrBeyond(stage: Stage | null, min: Stage): boolean {
  return stage !== null && stageRank(stage) >= stageRank(min);
}

export interface SignedCount {
  /** Parties whose own stage is at or beyond the threshold. */
  reached: number;
  /** Every party (proposer or participant) of the initiative. */
  total: number;
}

/**
 * "Signed by n of m": among the parties to an initiative (countries with role proposer or
 * participant; supporters only welcome it and sign nothing), how many have reached `min`.
 * Null when no party's own stage is known, so the page says "—" rather than "0 of m".
 */
export function signedCount(participations: { role: CountryRole; stage: Stage | null }[], min: Stage = "signed"): SignedCount | null {
  const parties = participations.filter((participation) => participation.role !== "supporter");
  if (!parties.some((party) => party.stage !== null)) return null;
  return { reached: parties.filter((party) => isAtOrBeyond(party.stage, min)).length, total: parties.length };
}
