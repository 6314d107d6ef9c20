import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { COMMON_HEADERS, HSTS, NO_FRAMING, RESOURCE_CSP } from "./lib/security/headers";

// Uploaded sources may be up to SOURCE_MAX_BYTES (lib/env.ts checks it at run time); the request
// around the file needs room for the form's other fields too.
const sourceMaxBytes = Number(process.env.SOURCE_MAX_BYTES) || 10 * 1024 * 1024;
const bodyLimit = sourceMaxBytes + 1024 * 1024;

const nextConfig: NextConfig = {
  // A separate output folder lets several dev servers run side by side (e.g. NEXT_DIST_DIR=.next-dev-2).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The data cache: Redis when REDIS_URL is set, a bounded memory LRU otherwise; never files
  // (docs/decisions/023-shared-cache.md). No second per-instance copy in front of it.
  cacheHandler: path.join(process.cwd(), "cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: bodyLimit },
    proxyClientMaxBodySize: bodyLimit,
  },
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      { source: "/:path((?!embed/).*)", headers: [NO_FRAMING] },
      // Pages get a per-request CSP with a nonce from proxy.ts; data and files get this one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: RESOURCE_CSP }] },
      { source: "/feeds/:path*", headers: [{ key: "Content-Security-Policy", value: RESOURCE_CSP }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: RESOURCE_CSP }] },
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [HSTS] },
    ];
  },
};

// next-intl's plugin only points the bundler at lib/i18n/request.ts, and `next start` bundles
// nothing; loaded there it would keep @swc/core and a file watcher in every app server's memory.
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
