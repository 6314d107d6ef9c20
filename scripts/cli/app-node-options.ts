/** NODE_OPTIONS for the app server: the caller's own plus the heap bound (APP_HEAP_MB, README). */
export function appNodeOptions(heapMb: number, existing = process.env.NODE_OPTIONS ?? ""): string {
  return [existing.replace(/--max-old-space-size=\S+/g, "").trim(), `--max-old-space-size=${heapMb}`].filter(Boolean).join(" ");
}
