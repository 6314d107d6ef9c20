import type { InitiativeStatus } from "./vocabulary";

/**
 * The status moves an editor may make without explanation. Anything else (e.g. a
 * proposal marked implemented) needs an explicit override note.
 */
export const ALLOWED_TRANSITIONS: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  proposed: ["in_preparation", "agreed", "stalled", "dropped"],
  in_preparation: ["proposed", "agreed", "in_progress", "stalled", "dropped"],
  agreed: ["in_progress", "stalled", "dropped"],
  in_progress: ["implemented", "stalled", "dropped"],
  implemented: ["in_progress"],
  stalled: ["proposed", "in_preparation", "agreed", "in_progress", "dropped"],
  dropped: ["proposed", "stalled"],
};

export function isAllowedTransition(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return from === to || ALLOWED_TRANSITIONS[from].includes(to);
}
