/**
 * Text people type, cleaned before any check: control characters (but tab and line breaks) and
 * invisible ones (zero-width spaces and joiners, bidi controls, word joiners, soft hyphens, BOM)
 * are removed, and CR LF / CR become LF. A "required" field then needs visible text: a note of
 * NULs or zero-width spaces is empty, and NUL never reaches a page (it breaks hydration).
 */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(INVISIBLE, "");
}
