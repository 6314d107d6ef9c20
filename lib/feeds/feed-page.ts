import { THEMES, type Theme } from "../domain/vocabulary";

/** What a feed's explanation page (/feed/…) is about; the Atom document is at `atomPath`. */
export type FeedPageTarget =
  | { kind: "history" }
  | { kind: "initiative"; slug: string }
  | { kind: "country"; code: string }
  | { kind: "theme"; theme: Theme }
  | { kind: "source"; id: number }
  | { kind: "event"; slug: string }
  | { kind: "metric"; slug: string };

/** `/feed/<segments>` → its target; null for anything that is not a feed. */
export function parseFeedPagePath(segments: readonly string[]): FeedPageTarget | null {
  const [collection, name, ...rest] = segments.map((segment) => decodeURIComponentSafe(segment));
  if (rest.length > 0 || collection === undefined) return null;
  if (collection === "history") return name === undefined ? { kind: "history" } : null;
  if (!name) return null;
  if (collection === "initiatives") return { kind: "initiative", slug: name };
  if (collection === "countries") return /^[A-Za-z]{2}$/.test(name) ? { kind: "country", code: name.toUpperCase() } : null;
  if (collection === "themes") return (THEMES as readonly string[]).includes(name) ? { kind: "theme", theme: name as Theme } : null;
  if (collection === "sources") return /^[1-9]\d{0,8}$/.test(name) ? { kind: "source", id: Number(name) } : null;
  if (collection === "events") return { kind: "event", slug: name };
  if (collection === "targets") return { kind: "metric", slug: name };
  return null;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The explanation page's path (without locale) for a target. */
export function feedPagePath(target: FeedPageTarget): string {
  switch (target.kind) {
    case "history":
      return "/feed/history";
    case "initiative":
      return `/feed/initiatives/${target.slug}`;
    case "country":
      return `/feed/countries/${target.code}`;
    case "theme":
      return `/feed/themes/${target.theme}`;
    case "source":
      return `/feed/sources/${target.id}`;
    case "event":
      return `/feed/events/${target.slug}`;
    case "metric":
      return `/feed/targets/${target.slug}`;
  }
}

/** The Atom document's path and query (docs/feeds.md) for a target in a language. */
export function atomPath(target: FeedPageTarget, locale: string): string {
  const lang = `?lang=${locale}`;
  switch (target.kind) {
    case "history":
      return `/feeds/history.atom${lang}`;
    case "initiative":
      return `/feeds/initiatives/${target.slug}.atom${lang}`;
    case "country":
      return `/feeds/countries/${target.code}.atom${lang}`;
    case "theme":
      return `/feeds/themes/${target.theme}.atom${lang}`;
    case "source":
      return `/feeds/sources/${target.id}.atom${lang}`;
    case "event":
      return `/feeds/events/${target.slug}.atom${lang}`;
    case "metric":
      return `/feeds/targets/${target.slug}.atom${lang}`;
  }
}
