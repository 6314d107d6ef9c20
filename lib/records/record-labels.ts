import { SOURCE_KINDS, SOURCE_LANGUAGES } from "../domain/vocabulary";

/** A translator over full message keys (next-intl's without a namespace). */
export interface FullKeyTranslate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A record history field's label (the page's history and the feeds): its name, or the raw path. */
export function recordFieldLabel(t: FullKeyTranslate, field: string): string {
  return t.has(`recordHistory.fields.${field}`) ? t(`recordHistory.fields.${field}`) : field;
}

/** A record history value as people read it; null for a blank one (each view says "blank" its way). */
export function recordFieldValue(t: FullKeyTranslate, field: string, raw: string | null): string | null {
  if (raw === null || raw === "") return null;
  if (field === "kind" && (SOURCE_KINDS as readonly string[]).includes(raw)) return t(`sourceKind.${raw}`);
  if (field === "language" && (SOURCE_LANGUAGES as readonly string[]).includes(raw)) return t(`sourceLanguage.${raw}`);
  if (field === "origin" && t.has(`recordHistory.origins.${raw}`)) return t(`recordHistory.origins.${raw}`);
  return raw;
}
