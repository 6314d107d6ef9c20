import "server-only";
import type { Db } from "../db/types";
import { indexQuote } from "../search/search-index";
import { quoteOccurrences } from "../domain/quote-rules";
import { quoteInContext } from "../sources/quote-context";
import { EditError } from "./edit-errors";
import type { EvidenceInput } from "./edit-schemas";
import { dayToDate } from "../dates";

/**
 * Where a pasted quote lies in its source: found verbatim, its offsets computed, never typed. A
 * quote found more than once needs the editor's choice of occurrence (1-based); without it, the
 * refusal lists the places, each in its sentence. `field` prefixes the form's field names.
 */
export async function locateQuote(tx: Db, sourceId: number | null, quoteText: string, occurrence: number | null, field = "quote") {
  const source = await tx.source.findUnique({ where: { id: sourceId ?? 0 }, select: { id: true, text: true } });
  return quoteInSource(source, quoteText, occurrence, field);
}

export type LocatedQuote = { source: { id: number; text: string }; start: number; end: number };

/** locateQuote on a source already read (the bulk import reads the sources it names once). */
export function quoteInSource(source: { id: number; text: string } | null, quoteText: string, occurrence: number | null, field = "quote"): LocatedQuote {
  if (!source) throw new EditError("sourceNotFound", `${field}SourceId`);
  const starts = quoteOccurrences(source.text, quoteText);
  if (!starts.length) throw new EditError("quoteNotFound", `${field}Text`);
  const start = starts.length === 1 ? starts[0] : starts[(occurrence ?? 0) - 1];
  if (start === undefined) {
    const length = quoteText.length;
    throw new EditError(
      "quoteAmbiguous",
      `${field}Occurrence`,
      starts.map((at) => quoteInContext(source.text, at, at + length)),
    );
  }
  return { source, start, end: start + quoteText.length };
}

/**
 * Turns the form's evidence into stored evidence: a quote is located verbatim in its
 * source (its offsets computed, never typed) and reused if that span is already quoted. A quote
 * that appears more than once needs the editor's choice of occurrence; without it (or with one
 * that no longer exists) the refusal lists the places, each in its sentence.
 */
export async function resolveEvidence(tx: Db, initiativeId: number, evidence: EvidenceInput) {
  if (evidence.evidenceType === "link") return linkEvidence(evidence);
  return storeQuote(tx, initiativeId, evidence.quoteText, await locateQuote(tx, evidence.quoteSourceId, evidence.quoteText, evidence.quoteOccurrence));
}

/** A link's stored evidence. */
export function linkEvidence(evidence: EvidenceInput) {
  return { quoteId: null, evidenceUrl: evidence.evidenceUrl, evidenceTitle: evidence.evidenceTitle, evidenceDate: dayToDate(evidence.evidenceDate) };
}

/** Stores a located quote (or reuses the stored span) as an initiative's evidence. */
export async function storeQuote(tx: Db, initiativeId: number, quoteText: string, { source, start, end }: LocatedQuote) {
  // One statement, so two editors quoting the same span at once cannot both insert it (a read
  // then an insert would fail on the unique key under PostgreSQL's READ COMMITTED). An existing
  // quote keeps its initiative; one that had none gets this one.
  const [quote] = await tx.$queryRaw<{ id: number | bigint; initiativeId: number | bigint | null }[]>`
    INSERT INTO "Quote" ("sourceId", "start", "end", "text", "initiativeId")
    VALUES (${source.id}, ${start}, ${end}, ${quoteText}, ${initiativeId})
    ON CONFLICT ("sourceId", "start", "end") DO UPDATE SET "initiativeId" = COALESCE("Quote"."initiativeId", excluded."initiativeId")
    RETURNING "id", "initiativeId"`;
  if (!quote) throw new Error("The quote could not be stored.");
  // New, or newly attached to this initiative: (re)index it. Re-indexing an unchanged quote is harmless.
  if (Number(quote.initiativeId) === initiativeId) await indexQuote(tx, { id: Number(quote.id), text: quoteText, initiativeId });
  return { quoteId: Number(quote.id), evidenceUrl: null, evidenceTitle: null, evidenceDate: null };
}

/** The evidence of a form that takes only a quote (a new figure, a score): no link to fall back on. */
export function resolveQuote(tx: Db, initiativeId: number, input: Pick<EvidenceInput, "quoteSourceId" | "quoteText" | "quoteOccurrence">) {
  const { quoteSourceId, quoteText, quoteOccurrence } = input;
  return resolveEvidence(tx, initiativeId, {
    evidenceType: "quote",
    quoteSourceId,
    quoteText,
    quoteOccurrence,
    evidenceUrl: "",
    evidenceTitle: "",
    evidenceDate: "",
  });
}
