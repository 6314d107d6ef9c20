import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG } from "../cache/tags";
import { dayOrNull } from "../dates";
import type { Db } from "../db/types";
import type { PrismaClient } from "../generated/prisma/client";
import { resolveEvidence } from "../initiatives/resolve-evidence";
import type { CorrectMetricInput } from "../intake/create-schemas";
import { diffFields, recordEntry } from "../records/record-history";
import { IntakeError } from "../sources/intake-error";
import { METRIC_FIELDS_SELECT, storedMetricFields } from "./metric-fields";

/**
 * A figure's version: its newest record-history entry, or 1 for a figure that came with the seed
 * (it has none). As for events (decision 035), the unique (subject, subjectId, version) key makes
 * writing version + 1 the compare-and-set.
 */
export async function metricVersion(db: Db, metricId: number): Promise<number> {
  const newest = await db.recordHistoryEntry.findFirst({
    where: { subject: "metric", subjectId: metricId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return newest?.version ?? 1;
}

/** The details a correction can change, in the order the history lists them. */
const DETAILS = ["nameRu", "nameEn", "unitRu", "unitEn", "baselineValue", "baselinePeriod", "targetValue", "targetDate", "targetDateText"] as const;

/** Those details as the history shows them (display strings, like at creation; the target date an ISO day). */
function shownFields(metric: Record<(typeof DETAILS)[number], string | number | null>): Record<string, string | null> {
  return Object.fromEntries(DETAILS.map((key) => [key, metric[key] === null ? null : String(metric[key])]));
}

/**
 * Corrects a figure (decision 037): names, units, baseline with its period, target with its date,
 * stated by the quote pasted from a source in the tracker and explained by a note. The next version
 * of the figure's own public history; nothing is written when the form's version is stale or
 * nothing changed. The quote becomes the evidence of the baseline and/or target it restates.
 */
export async function correctMetric(db: PrismaClient, user: SessionUser, input: CorrectMetricInput): Promise<{ version: number; tags: string[] }> {
  try {
    return await db.$transaction(async (tx) => {
      const metric = await tx.metric.findUnique({
        where: { slug: input.metricSlug },
        select: {
          id: true,
          slug: true,
          initiativeId: true,
          ...METRIC_FIELDS_SELECT,
          baselineQuoteId: true,
          targetQuoteId: true,
          initiative: { select: { slug: true } },
        },
      });
      if (!metric) throw new IntakeError("notFound", "metricSlug");
      const current = await metricVersion(tx, metric.id);
      if (current !== input.version) throw new IntakeError("metricChangedSince", undefined, { version: current });

      const before = shownFields({ ...metric, targetDate: dayOrNull(metric.targetDate) });
      const after = shownFields(input);
      const changes = diffFields(before, after);
      if (changes.length === 0) throw new IntakeError("nothingChanged");

      const evidence = await resolveEvidence(tx, metric.initiativeId, {
        evidenceType: "quote",
        quoteSourceId: input.quoteSourceId,
        quoteText: input.quoteText,
        quoteOccurrence: input.quoteOccurrence,
        evidenceUrl: "",
        evidenceTitle: "",
        evidenceDate: "",
      });
      const changed = new Set(changes.map((change) => change.field));
      const restates = (fields: string[]) => fields.some((field) => changed.has(field));
      const version = current + 1;
      await recordEntry(tx, { subject: "metric", subjectId: metric.id, action: "corrected", version, note: input.note, changes, authorId: user.id });
      await tx.metric.update({
        where: { id: metric.id },
        data: {
          ...storedMetricFields(input),
          // A corrected baseline or target is stated by the new quote; one left as it was keeps its own.
          baselineQuoteId: input.baselineValue === null ? null : restates(["baselineValue", "baselinePeriod"]) ? evidence.quoteId : metric.baselineQuoteId,
          targetQuoteId:
            input.targetValue === null ? null : restates(["targetValue", "targetDate", "targetDateText"]) ? evidence.quoteId : metric.targetQuoteId,
        },
      });
      // Its page and feed; the figures list and dashboard; its initiative's page, which lists its
      // figures; the quoted source's page and the sources list (its quote count), as for any quote.
      const tags = [TAG.initiative(metric.initiative.slug), TAG.metric(metric.slug), TAG.metrics, TAG.source(input.quoteSourceId), TAG.sources];
      return { version, tags: tags.sort() };
    });
  } catch (error) {
    // Another correction stored the same version first.
    if ((error as { code?: string }).code === "P2002") throw new IntakeError("metricChangedSince");
    throw error;
  }
}
