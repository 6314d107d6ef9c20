/**
 * Where sign-in may send a person back to: a path on this site only. Anything that could leave
 * the origin (`//host`, `/\host`, a scheme, control characters) or loop back to sign-in gives
 * null, and the caller falls back to the editor's desk.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  // Control characters, spaces included: browsers strip some of them, which can turn "/\t/host" into "//host".
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  const base = "http://tracker.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (/^\/(en\/)?sign-in(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
