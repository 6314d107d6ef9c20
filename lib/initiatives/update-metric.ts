import "server-only";
import type { Db } from "../db/types";
import { inTransaction } from "../db/in-transaction";
import type { SessionUser } from "../auth/sessions";
import type { UpdateMetricInput } from "./edit-schemas";
import { checkCorrects, claimNextVersion, writeEditEntry, type EditOptions, type EditResult } from "./record-history";
import { TAG } from "../cache/tags";
import { dayOrNull, dayToDate } from "../dates";
import { EditError } from "./edit-errors";
import { resolveEvidence } from "./resolve-evidence";
import { metricField, readingValue, type FieldChange } from "../history/field-changes";

/**
 * What a reading and/or target date changes, or why it is refused: a reading more than 3× the
 * previous one (`previous`: the latest by observation date) or the target waits for confirmation.
 * Shared with the bulk import.
 */
export function metricChanges(
  metric: { slug: string; targetDate: Date | null; targetValue: number | null },
  previous: number | null | undefined,
  input: UpdateMetricInput,
): FieldChange[] {
  // A slip of the decimal separator makes a reading ten or a thousand times too big: ask first.
  const large = (base: number | null | undefined) => base !== null && base !== undefined && base > 0 && input.value !== null && input.value > 3 * base;
  if (!input.confirmLarge && (large(previous) || large(metric.targetValue))) throw new EditError("confirmLargeReading", "value");
  const changes: FieldChange[] = [];
  const oldTarget = dayOrNull(metric.targetDate);
  if (oldTarget !== input.targetDate) changes.push({ field: metricField(metric.slug, "targetDate"), from: oldTarget, to: input.targetDate });
  if (input.value !== null) changes.push({ field: metricField(metric.slug, "reading"), from: null, to: readingValue(input.value, input.observedOn) });
  if (changes.length === 0) throw new EditError("nothingChanged", "value");
  return changes;
}

/** Adds a dated reading to a metric and/or sets its target date, with evidence. */
export async function updateMetric(db: Db, actor: SessionUser, input: UpdateMetricInput, options: EditOptions = {}): Promise<EditResult> {
  return inTransaction(db, async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const metric = await tx.metric.findFirst({
      where: { slug: input.metricSlug, initiativeId: initiative.id },
      select: { id: true, slug: true, targetDate: true, targetValue: true, readings: { orderBy: { observedOn: "desc" }, take: 1, select: { value: true } } },
    });
    if (!metric) throw new EditError("metricNotFound", "metricSlug");
    const changes = metricChanges(metric, metric.readings[0]?.value, input);
    const oldTarget = dayOrNull(metric.targetDate);

    const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
    const evidence = await resolveEvidence(tx, initiative.id, input);
    if (oldTarget !== input.targetDate) {
      await tx.metric.update({
        where: { id: metric.id },
        data: { targetDate: input.targetDate ? dayToDate(input.targetDate) : null },
      });
    }
    if (input.value !== null) {
      await tx.metricReading.create({
        data: {
          metricId: metric.id,
          value: input.value,
          observedOn: input.observedOn ? dayToDate(input.observedOn) : null,
          quoteId: evidence.quoteId,
        },
      });
    }
    const result = await writeEditEntry(tx, initiative, actor, options, {
      changes,
      note: input.note,
      correctsId,
      ...evidence,
    });
    return { ...result, tags: [...result.tags, TAG.metrics] };
  });
}
