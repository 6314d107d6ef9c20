import "server-only";
import { dayOrNull } from "../dates";
import type { Db } from "../db/types";
import type { Prisma } from "../generated/prisma/client";
import type { InitiativeStatus } from "../domain/vocabulary";
import { metricFieldPrefix } from "../history/field-changes";
import { HISTORY_ITEM_SELECT, toHistoryItem } from "../history/list-history";
import type { HistoryEntryView } from "../initiatives/get-initiative";
import { listRecordHistory, type RecordHistoryView } from "../records/record-history";
import { METRIC_FIELDS_SELECT } from "./metric-fields";

export interface MetricHistory {
  slug: string;
  nameRu: string;
  nameEn: string;
  initiative: { slug: string; titleRu: string; titleEn: string; status: InitiativeStatus };
  /** Its details now (what a correction changes); the target date as an ISO day. */
  details: {
    unitRu: string;
    unitEn: string;
    baselineValue: number | null;
    baselinePeriod: string | null;
    targetValue: number | null;
    targetDate: string | null;
    targetDateText: string | null;
  };
  /** The version a correction form carries: the newest record entry's, 1 for a seed figure. */
  version: number;
  /** The figure's own record: its creation and corrections (none for the seed's figures). */
  record: RecordHistoryView[];
  /** The initiative's entries about this figure (its addition, readings, target date), newest first. */
  entries: HistoryEntryView[];
}

/**
 * The initiative history entries about a figure: those of its initiative and of the duplicates
 * merged into it (a merge moves figures but leaves each history where it was, decision 032).
 * Changes are stored as JSON text: match the quoted start of this figure's field paths.
 */
export function metricEntriesWhere(metric: { slug: string; initiativeId: number }): Prisma.HistoryEntryWhereInput {
  return {
    OR: [{ initiativeId: metric.initiativeId }, { initiative: { mergedIntoId: metric.initiativeId } }],
    changes: { contains: `"${metricFieldPrefix(metric.slug)}` },
  };
}

/** A figure's public history: who added or changed it, when and why. Null when there is no such figure. */
export async function getMetricHistory(db: Db, slug: string): Promise<MetricHistory | null> {
  const metric = await db.metric.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      initiativeId: true,
      ...METRIC_FIELDS_SELECT,
      initiative: { select: { slug: true, titleRu: true, titleEn: true, status: true } },
    },
  });
  if (!metric) return null;
  const [record, rows] = await Promise.all([
    listRecordHistory(db, "metric", metric.id),
    db.historyEntry.findMany({
      where: metricEntriesWhere(metric),
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: HISTORY_ITEM_SELECT,
    }),
  ]);
  return {
    slug: metric.slug,
    nameRu: metric.nameRu,
    nameEn: metric.nameEn,
    initiative: metric.initiative,
    details: {
      unitRu: metric.unitRu,
      unitEn: metric.unitEn,
      baselineValue: metric.baselineValue,
      baselinePeriod: metric.baselinePeriod,
      targetValue: metric.targetValue,
      targetDate: dayOrNull(metric.targetDate),
      targetDateText: metric.targetDateText,
    },
    version: record[0]?.version ?? 1,
    record,
    entries: rows.map((row) => {
      const { initiative, ...entry } = toHistoryItem(row);
      return entry;
    }),
  };
}
