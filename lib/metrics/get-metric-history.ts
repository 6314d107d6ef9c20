import "server-only";
import type { Db } from "../db/types";
import type { InitiativeStatus } from "../domain/vocabulary";
import { metricFieldPrefix } from "../history/field-changes";
import { HISTORY_ITEM_SELECT, toHistoryItem } from "../history/list-history";
import type { HistoryEntryView } from "../initiatives/get-initiative";
import { listRecordHistory, type RecordHistoryView } from "../records/record-history";

export interface MetricHistory {
  slug: string;
  nameRu: string;
  nameEn: string;
  initiative: { slug: string; titleRu: string; titleEn: string; status: InitiativeStatus };
  /** The figure's own record: its creation and corrections (none for the seed's figures). */
  record: RecordHistoryView[];
  /** The initiative's entries about this figure (its addition, readings, target date), newest first. */
  entries: HistoryEntryView[];
}

/** A figure's public history: who added or changed it, when and why. Null when there is no such figure. */
export async function getMetricHistory(db: Db, slug: string): Promise<MetricHistory | null> {
  const metric = await db.metric.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      nameRu: true,
      nameEn: true,
      initiativeId: true,
      initiative: { select: { slug: true, titleRu: true, titleEn: true, status: true } },
    },
  });
  if (!metric) return null;
  // Changes are stored as JSON text: match the quoted start of this figure's field paths.
  const [record, rows] = await Promise.all([
    listRecordHistory(db, "metric", metric.id),
    db.historyEntry.findMany({
      where: { initiativeId: metric.initiativeId, changes: { contains: `"${metricFieldPrefix(metric.slug)}` } },
      orderBy: [{ version: "desc" }],
      select: HISTORY_ITEM_SELECT,
    }),
  ]);
  return {
    slug: metric.slug,
    nameRu: metric.nameRu,
    nameEn: metric.nameEn,
    initiative: metric.initiative,
    record,
    entries: rows.map((row) => {
      const { initiative, ...entry } = toHistoryItem(row);
      return entry;
    }),
  };
}
