import type { ConflictingEntry } from "../history/entries-since";

/**
 * What every form's server action answers. `message` and the field errors are keys
 * of the `errors`/`actions` message namespaces, translated by the form.
 */
export interface ActionState {
  status: "idle" | "success" | "error";
  message?: string;
  messageValues?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
  conflict?: { currentVersion: number; entries: ConflictingEntry[] };
}

export const IDLE: ActionState = { status: "idle" };
