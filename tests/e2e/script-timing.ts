import type { Page } from "@playwright/test";

/**
 * When the page's chunk scripts were requested, against the end of its parse (decisions 058, 059): a
 * page the proxy gives the shared page's form asks for them after the parser is done and a frame is
 * drawn; one rendered as Next writes it, from its head, while the parser is still at work.
 */
export async function chunkRequestTimes(page: Page): Promise<{ parsed: number; requested: number[] }> {
  // Not "load": a shared page's chunks are added a frame after the parse, which may be after it.
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const chunks = performance
      .getEntriesByType("resource")
      .filter(
        (entry) => /\/_next\/static\/chunks\/[^/]+\.js$/.test(new URL(entry.name).pathname) && (entry as PerformanceResourceTiming).initiatorType === "script",
      );
    return { parsed: navigation.domInteractive, requested: chunks.map((entry) => entry.startTime) };
  });
}

/** The `<script src>` tags for Next's chunks in the page's head (not the polyfills only module-less browsers run). */
export function headChunkScripts(html: string): string[] {
  const head = html.slice(0, html.indexOf("</head>"));
  return [...head.matchAll(/<script src="\/_next\/static\/chunks\/[^"]+"[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\bnoModule\b/i.test(tag));
}
