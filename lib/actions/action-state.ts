import type { ConflictingEntry } from "../history/entries-since";
import type { QuoteInContext } from "../sources/quote-context";
import type { ImportReport } from "../imports/import-report";
import type { SourceFileType } from "../sources/extract-text";

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
  /** Where a quote that appears more than once stands in its source, for the editor to choose. */
  quoteOccurrences?: QuoteInContext[];
  /** A source file's extracted text, shown before the source is saved. */
  preview?: { text: string; title: string | null; type: SourceFileType; size: number };
  /** A bulk import's outcome per row and its refusals (row, column, message), dry run or applied. */
  importReport?: ImportReport;
  /**
   * After a refusal: what was sent, field by field (never a password or a file), so a form sent
   * before the page's JavaScript loaded comes back with what was typed.
   */
  values?: Record<string, string[]>;
}

export const IDLE: ActionState = { status: "idle" };
