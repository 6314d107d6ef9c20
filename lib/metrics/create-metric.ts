import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG } from "../cache/tags";
import { firstFreeSlug, slugFromTitle } from "../domain/slug";
import type { PrismaClient } from "../generated/prisma/client";
import { metricField } from "../history/field-changes";
import { claimNextVersion, writeHistoryEntry } from "../initiatives/record-history";
import { resolveQuote } from "../initiatives/resolve-evidence";
import type { CreateMetricInput } from "../intake/create-schemas";
import { diffFields, recordEntry } from "../records/record-history";
import { metricFields, storedMetricFields } from "./metric-fields";

/**
 * Adds a figure or target to an initiative: name, unit, baseline with its period, target with its
 * date, each stated by the quote pasted from a source in the tracker (located verbatim). It is a
 * new version of the initiative and version 1 of the figure's own history; readings follow as before.
 */
export async function createMetric(
  db: PrismaClient,
  user: SessionUser,
  input: CreateMetricInput,
): Promise<{ version: number; metricSlug: string; tags: string[] }> {
  return db.$transaction(async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const evidence = await resolveQuote(tx, initiative.id, input);
    const base = slugFromTitle(`${input.slug} ${input.nameEn}`, "figure");
    const taken = new Set((await tx.metric.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
    const metricSlug = firstFreeSlug(base, taken);
    const fields = metricFields(input);
    const metric = await tx.metric.create({
      data: {
        slug: metricSlug,
        initiativeId: initiative.id,
        ...storedMetricFields(input),
        baselineQuoteId: input.baselineValue !== null ? evidence.quoteId : null,
        targetQuoteId: input.targetValue !== null ? evidence.quoteId : null,
      },
      select: { id: true },
    });
    const shown = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === null ? null : String(value)]));
    await recordEntry(tx, {
      subject: "metric",
      subjectId: metric.id,
      action: "created",
      version: 1,
      note: input.note,
      changes: diffFields({}, shown),
      authorId: user.id,
    });
    const entry = await writeHistoryEntry(tx, initiative, {
      kind: "edit",
      changes: [{ field: metricField(metricSlug, "created"), from: null, to: input.nameEn }],
      note: input.note,
      authorId: user.id,
      quoteId: evidence.quoteId,
    });
    return { version: entry.version, metricSlug, tags: [...new Set([...entry.tags, TAG.metrics])].sort() };
  });
}
