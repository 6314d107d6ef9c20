/** URL parameters may still be percent-encoded; a malformed escape is just an unknown value. */
export function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
