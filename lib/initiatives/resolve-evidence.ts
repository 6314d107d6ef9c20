import type { Db } from "../db/types";
import { indexQuote } from "../search/search-index";
import { EditError } from "./edit-errors";

export interface EvidenceInput {
  evidenceType: "quote" | "link";
  quoteSourceId: number | null;
  quoteText: string;
  evidenceUrl: string;
  evidenceTitle: string;
  evidenceDate: string;
}

/**
 * Turns the form's evidence into stored evidence: a quote is located verbatim in its
 * source (its offsets computed, never typed) and reused if that span is already quoted.
 */
export async function resolveEvidence(tx: Db, initiativeId: number, evidence: EvidenceInput) {
  if (evidence.evidenceType === "link") {
    return {
      quoteId: null,
      evidenceUrl: evidence.evidenceUrl,
      evidenceTitle: evidence.evidenceTitle,
      evidenceDate: new Date(`${evidence.evidenceDate}T00:00:00Z`),
    };
  }
  const source = await tx.source.findUnique({ where: { id: evidence.quoteSourceId ?? 0 }, select: { id: true, text: true } });
  if (!source) throw new EditError("sourceNotFound", "quoteSourceId");
  const start = source.text.indexOf(evidence.quoteText);
  if (start < 0) throw new EditError("quoteNotFound", "quoteText");
  const end = start + evidence.quoteText.length;
  const existing = await tx.quote.findUnique({
    where: { sourceId_start_end: { sourceId: source.id, start, end } },
    select: { id: true, initiativeId: true },
  });
  const quote = existing ?? (await tx.quote.create({ data: { sourceId: source.id, start, end, text: evidence.quoteText, initiativeId }, select: { id: true, initiativeId: true } }));
  if (!existing || existing.initiativeId === null) {
    if (existing) await tx.quote.update({ where: { id: quote.id }, data: { initiativeId } });
    await indexQuote(tx, { id: quote.id, text: evidence.quoteText, initiativeId });
  }
  return { quoteId: quote.id, evidenceUrl: null, evidenceTitle: null, evidenceDate: null };
}
