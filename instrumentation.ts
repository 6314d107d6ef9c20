/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { tuneHeap } = await import("./lib/runtime/tune-heap");
  tuneHeap();
  const { installServerHooks } = await import("./lib/http/node-server");
  installServerHooks();
  const { installServerTiming } = await import("./lib/http/server-timing");
  installServerTiming();
}
