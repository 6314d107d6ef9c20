import type { Locale } from "./routing";

/**
 * All interface messages of a language: the core file plus one file per feature area
 * (lib/i18n/messages/<locale>/<area>.json), each area owning its own top-level namespaces.
 */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const [core, analysts, feeds, api, intake, alerts, sharing, readers, merging, imports, search] = await Promise.all([
    import(`./messages/${locale}.json`),
    import(`./messages/${locale}/analysts.json`),
    import(`./messages/${locale}/feeds.json`),
    import(`./messages/${locale}/api.json`),
    import(`./messages/${locale}/intake.json`),
    import(`./messages/${locale}/alerts.json`),
    import(`./messages/${locale}/sharing.json`),
    import(`./messages/${locale}/readers.json`),
    import(`./messages/${locale}/merging.json`),
    import(`./messages/${locale}/imports.json`),
    import(`./messages/${locale}/search.json`),
  ]);
  return {
    ...core.default,
    ...analysts.default,
    ...feeds.default,
    ...api.default,
    ...intake.default,
    ...alerts.default,
    ...sharing.default,
    ...readers.default,
    ...merging.default,
    ...imports.default,
    ...search.default,
  };
}
