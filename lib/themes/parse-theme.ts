import { safeDecode } from "../http/safe-decode";
import { themeSchema, type Theme } from "../domain/vocabulary";

/** Reads a theme from the URL; null for anything outside the vocabulary. */
export function parseTheme(raw: string): Theme | null {
  const parsed = themeSchema.safeParse(safeDecode(raw));
  return parsed.success ? parsed.data : null;
}
