import { el, renderXmlDocument, type XmlElement } from "./xml";

/** Atom 1.0 (RFC 4287): the parts of the format the tracker's feeds use. */

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

export interface AtomLink {
  href: string;
  rel?: "alternate" | "self" | "related" | "via" | "enclosure";
  type?: string;
  hreflang?: string;
  title?: string;
}

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomCategory {
  term: string;
  scheme?: string;
  label?: string;
}

export interface AtomEntry {
  /** A permanent, universally unique IRI (RFC 4287 §4.2.6). */
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  /** Entries without an author take the feed's (§4.1.1). */
  authors?: AtomPerson[];
  contributors?: AtomPerson[];
  links: AtomLink[];
  categories?: AtomCategory[];
  /** Plain text: shown as is by readers, never interpreted as markup. */
  content?: string;
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  /** Language of the feed's text (xml:lang). */
  lang?: string;
  authors: AtomPerson[];
  links: AtomLink[];
  generator?: { name: string; uri?: string; version?: string };
  entries: AtomEntry[];
}

/** RFC 3339 date-time in UTC, e.g. 2026-03-01T12:00:00.000Z (§3.3 "Date Constructs"). */
export function rfc3339(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date in an Atom feed");
  return date.toISOString();
}

const link = (l: AtomLink) => el("link", { rel: l.rel, type: l.type, hreflang: l.hreflang, title: l.title, href: l.href });
const person = (tag: "author" | "contributor", p: AtomPerson) => el(tag, null, el("name", null, p.name), p.uri ? el("uri", null, p.uri) : null);
const category = (c: AtomCategory) => el("category", { term: c.term, scheme: c.scheme, label: c.label });

function entryElement(entry: AtomEntry): XmlElement {
  return el(
    "entry",
    null,
    el("id", null, entry.id),
    el("title", { type: "text" }, entry.title),
    el("updated", null, rfc3339(entry.updated)),
    entry.published ? el("published", null, rfc3339(entry.published)) : null,
    (entry.authors ?? []).map((p) => person("author", p)),
    (entry.contributors ?? []).map((p) => person("contributor", p)),
    entry.links.map(link),
    (entry.categories ?? []).map(category),
    entry.summary !== undefined ? el("summary", { type: "text" }, entry.summary) : null,
    entry.content !== undefined ? el("content", { type: "text" }, entry.content) : null,
  );
}

/** The whole document, ready to send. */
export function renderAtomFeed(feed: AtomFeed): string {
  return renderXmlDocument(
    el(
      "feed",
      { xmlns: ATOM_NAMESPACE, "xml:lang": feed.lang },
      el("id", null, feed.id),
      el("title", { type: "text" }, feed.title),
      feed.subtitle !== undefined ? el("subtitle", { type: "text" }, feed.subtitle) : null,
      el("updated", null, rfc3339(feed.updated)),
      feed.authors.map((p) => person("author", p)),
      feed.links.map(link),
      feed.generator ? el("generator", { uri: feed.generator.uri, version: feed.generator.version }, feed.generator.name) : null,
      feed.entries.map(entryElement),
    ),
  );
}
