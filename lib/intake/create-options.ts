import "server-only";
import type { Db } from "../db/types";

export interface CreateOptions {
  events: { id: number; nameRu: string; nameEn: string; dateText: string | null }[];
  countries: { code: string; nameRu: string; nameEn: string; member: boolean }[];
  persons: { id: number; nameRu: string; nameEn: string }[];
}

/** What the creation forms offer: events (newest first), countries (members first) and persons. */
export async function getCreateOptions(db: Db): Promise<CreateOptions> {
  const [events, countries, persons] = await Promise.all([
    db.event.findMany({ select: { id: true, nameRu: true, nameEn: true, dateText: true }, orderBy: { id: "desc" } }),
    db.country.findMany({ select: { code: true, nameRu: true, nameEn: true, member: true }, orderBy: [{ member: "desc" }, { code: "asc" }] }),
    db.person.findMany({ select: { id: true, nameRu: true, nameEn: true }, orderBy: { id: "asc" } }),
  ]);
  return { events, countries, persons };
}

/** A passage of a source for the new-initiative form, or null when the span is not inside its text. */
export async function getPassage(db: Db, sourceId: number, start: number, end: number) {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { id: true, title: true, language: true, text: true } });
  if (!source || !(start >= 0 && end > start && end <= source.text.length) || !source.text.slice(start, end).trim()) return null;
  return { sourceId: source.id, title: source.title, language: source.language, start, end, text: source.text.slice(start, end) };
}
