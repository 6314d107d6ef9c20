import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { IntakeError } from "../sources/intake-error";
import type { SubmitSuggestionInput } from "./suggestion-schemas";

/**
 * Queues a visitor's suggestion for the editors. A filled honeypot is answered like a success and
 * stores nothing, so a bot learns nothing. Only the editors' desk shows the queue: no public cache
 * is touched.
 */
export async function submitSuggestion(db: PrismaClient, input: SubmitSuggestionInput): Promise<{ stored: boolean }> {
  if (input.website.trim() !== "") return { stored: false };
  const exists =
    input.subject === "initiative"
      ? await db.initiative.findUnique({ where: { slug: input.subjectKey, mergedIntoId: null }, select: { id: true } })
      : await db.source.findUnique({ where: { id: Number(input.subjectKey) }, select: { id: true } });
  if (!exists) throw new IntakeError("notFound", "subjectKey");
  await db.suggestion.create({
    data: { subject: input.subject, subjectKey: input.subjectKey, text: input.text, url: input.url, email: input.email, locale: input.locale },
  });
  return { stored: true };
}
