import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG } from "../cache/tags";
import { dayToDate } from "../dates";
import type { PrismaClient } from "../generated/prisma/client";
import { resolveQuote } from "../initiatives/resolve-evidence";
import { ScoreError } from "./score-error";
import type { SetScoreInput } from "./score-schemas";

/**
 * Records an editor's score of one country on one initiative as the pair's next version (scores are
 * never edited in place: the history is every row). Only a country the initiative names can be
 * scored; the evidence quote is located verbatim in its source. Refused, with nothing written,
 * when someone scored the pair since the editor loaded the form.
 */
export async function setScore(db: PrismaClient, user: SessionUser, input: SetScoreInput): Promise<{ version: number; tags: string[] }> {
  return db.$transaction(async (tx) => {
    const initiative = await tx.initiative.findUnique({
      where: { slug: input.slug },
      select: { id: true, participations: { where: { countryCode: input.countryCode }, select: { countryCode: true } } },
    });
    if (!initiative) throw new ScoreError("notFound");
    if (initiative.participations.length === 0) throw new ScoreError("countryNotInInitiative", "countryCode");
    const latest = await tx.score.findFirst({
      where: { initiativeId: initiative.id, countryCode: input.countryCode },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const current = latest?.version ?? 0;
    if (current !== input.expectedVersion)
      throw new ScoreError("scoreChangedSince", undefined, "The score changed since the form was loaded.", { version: current });
    const evidence = await resolveQuote(tx, initiative.id, input);
    // The unique (initiative, country, version) key stops a second writer that read the same version.
    await tx.score.create({
      data: {
        initiativeId: initiative.id,
        countryCode: input.countryCode,
        score: input.score,
        asOf: dayToDate(input.asOf),
        quoteId: evidence.quoteId!,
        note: input.note,
        authorId: user.id,
        version: current + 1,
      },
    });
    // The scorecards' averages and this country's scorecard; no initiative page shows scores.
    return { version: current + 1, tags: [TAG.scores, TAG.scorecard(input.countryCode)].sort() };
  });
}
