import "server-only";
import type { Db } from "../db/types";
import type { FieldChange } from "../history/field-changes";

/**
 * The append-only, versioned history of sources, events and metrics (RecordHistoryEntry; the
 * database refuses UPDATE and DELETE on it). Each entry is the record's version after it.
 */
export type HistorySubject = "source" | "event" | "metric";

export interface RecordHistoryView {
  id: number;
  action: "created" | "corrected";
  version: number;
  note: string;
  changes: FieldChange[];
  authorName: string | null;
  recordedAt: Date;
}

export async function recordEntry(
  db: Db,
  entry: {
    subject: HistorySubject;
    subjectId: number;
    action: "created" | "corrected";
    version: number;
    note: string;
    changes: FieldChange[];
    authorId: number;
  },
): Promise<void> {
  await db.recordHistoryEntry.create({ data: { ...entry, changes: JSON.stringify(entry.changes) } });
}

export async function listRecordHistory(db: Db, subject: HistorySubject, subjectId: number): Promise<RecordHistoryView[]> {
  const rows = await db.recordHistoryEntry.findMany({
    where: { subject, subjectId },
    orderBy: { version: "desc" },
    select: { id: true, action: true, version: true, note: true, changes: true, recordedAt: true, author: { select: { displayName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    version: row.version,
    note: row.note,
    changes: JSON.parse(row.changes) as FieldChange[],
    authorName: row.author?.displayName ?? null,
    recordedAt: row.recordedAt,
  }));
}

/** The fields whose display value differs, in the order given. */
export function diffFields(before: Record<string, string | null>, after: Record<string, string | null>): FieldChange[] {
  return Object.keys(after)
    .filter((field) => (before[field] ?? null) !== (after[field] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}
