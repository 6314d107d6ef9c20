import { createTranslator } from "next-intl";
import type { Theme } from "../domain/vocabulary";
import type { HistoryItem } from "../history/list-history";
import { parseFieldPath, splitThemes, type FieldChange } from "../history/field-changes";
import type { AtomEntry, AtomFeed } from "./atom";
import { localePath } from "../i18n/locale-path";
import { LOCALES, type Locale } from "../i18n/routing";
import { recordFieldLabel, recordFieldValue } from "../records/record-labels";
import type { RecordHistoryView } from "../records/record-history";

/** Builds the Atom document model of a history feed; no database access, no I/O. */

export const FEED_LANGS = LOCALES;
export type FeedLang = Locale;

/** How many entries a feed carries (the newest ones). */
export const FEED_ENTRY_LIMIT = 50;

export type FeedSubject =
  | { kind: "history" }
  | { kind: "initiative"; slug: string; titleRu: string; titleEn: string }
  | { kind: "country"; code: string; nameRu: string; nameEn: string }
  | { kind: "theme"; theme: Theme }
  | { kind: "source"; id: number; title: string | null }
  | { kind: "event"; slug: string; nameRu: string; nameEn: string }
  | { kind: "metric"; slug: string; nameRu: string; nameEn: string };

export interface HistoryFeedInput {
  subject: FeedSubject;
  lang: FeedLang;
  /** Scheme, host and port every link starts with, e.g. https://tracker.example.org */
  origin: string;
  /** Initiative history entries, newest first. */
  entries: HistoryItem[];
  /** The subject's own record history (sources, events, figures: RecordHistoryEntry), newest first. */
  records?: RecordHistoryView[];
  /** The feed's <updated> when there are no entries. */
  fallbackUpdated: Date;
  /** Names for the countries and figures that field changes refer to (country.KZ.role, metric.<slug>.reading). */
  countryNames: Record<string, { nameRu: string; nameEn: string }>;
  metricNames: Record<string, { nameRu: string; nameEn: string }>;
  /** All messages of the language (loadMessages). */
  messages: Record<string, unknown>;
}

const URN = "urn:summit-tracker";

/** The feed's path, without the origin and the language parameter. */
export function feedPath(subject: FeedSubject): string {
  switch (subject.kind) {
    case "history":
      return "/feeds/history.atom";
    case "initiative":
      return `/feeds/initiatives/${encodeURIComponent(subject.slug)}.atom`;
    case "country":
      return `/feeds/countries/${subject.code}.atom`;
    case "theme":
      return `/feeds/themes/${subject.theme}.atom`;
    case "source":
      return `/feeds/sources/${subject.id}.atom`;
    case "event":
      return `/feeds/events/${encodeURIComponent(subject.slug)}.atom`;
    case "metric":
      return `/feeds/targets/${encodeURIComponent(subject.slug)}.atom`;
  }
}

/** The feed's absolute URL: Russian is the default, English adds ?lang=en. */
export function feedUrl(origin: string, subject: FeedSubject, lang: FeedLang): string {
  return `${origin}${feedPath(subject)}${lang === "en" ? "?lang=en" : ""}`;
}

/** The public page a feed follows, in the feed's language (English pages live under /en). */
export function pageUrl(origin: string, subject: FeedSubject, lang: FeedLang): string {
  const page = (path: string) => `${origin}${localePath(lang, path)}`;
  switch (subject.kind) {
    case "history":
      return page("/");
    case "initiative":
      return page(`/initiatives/${encodeURIComponent(subject.slug)}`);
    case "country":
      return page(`/countries/${subject.code}`);
    case "theme":
      return page(`/themes/${subject.theme}`);
    case "source":
      return page(`/sources/${subject.id}`);
    case "event":
      return page(`/events/${encodeURIComponent(subject.slug)}`);
    case "metric":
      return page(`/targets/${encodeURIComponent(subject.slug)}`);
  }
}

/** A stable feed id per subject and language. */
export function feedId(subject: FeedSubject, lang: FeedLang): string {
  const base = `${URN}:feed:${subjectKey(subject)}`;
  return lang === "en" ? `${base}:en` : base;
}

function subjectKey(subject: FeedSubject): string {
  switch (subject.kind) {
    case "history":
      return "history";
    case "initiative":
    case "event":
    case "metric":
      return `${subject.kind}:${subject.slug}`;
    case "country":
      return `country:${subject.code}`;
    case "theme":
      return `theme:${subject.theme}`;
    case "source":
      return `source:${subject.id}`;
  }
}

export function entryId(id: number): string {
  return `${URN}:history-entry:${id}`;
}

/** Record history entries (sources, events, figures) are numbered apart from initiatives' entries. */
export function recordEntryId(id: number): string {
  return `${URN}:record-history-entry:${id}`;
}

/** The codes and slugs whose names the field changes of these entries need. */
export function referencedNames(entries: HistoryItem[]): { countryCodes: string[]; metricSlugs: string[] } {
  const countryCodes = new Set<string>();
  const metricSlugs = new Set<string>();
  for (const entry of entries) {
    for (const change of entry.changes) {
      const path = parseFieldPath(change.field);
      if (path.kind === "country") countryCodes.add(path.code);
      if (path.kind === "metric") metricSlugs.add(path.slug);
    }
  }
  return { countryCodes: [...countryCodes].sort(), metricSlugs: [...metricSlugs].sort() };
}

export function buildHistoryFeed(input: HistoryFeedInput): AtomFeed {
  const { subject, lang, origin, messages } = input;
  const t = createTranslator({ locale: lang, messages, timeZone: "UTC" }) as unknown as Translate;
  const pick = <T>(ru: T, en: T) => (lang === "en" ? en : ru);
  const label = (key: string, raw: string) => (t.has(key) ? t(key) : raw);
  const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  const day = (date: Date | null) => (date ? dayFormat.format(date) : t("feeds.content.unknown"));
  const none = t("feeds.content.none");
  const arrow = (from: string | null, to: string | null) => (from === null || from === to ? (to ?? none) : `${from} → ${to ?? none}`);
  const status = (value: string | null) => (value === null ? null : label(`status.${value}`, value));
  const stage = (value: string | null) => (value === null ? null : label(`stage.${value}`, value));

  const fieldLabel = (field: string) => {
    const path = parseFieldPath(field);
    if (path.kind === "country") {
      const names = input.countryNames[path.code];
      return t(`history.fields.country.${path.part}`, { country: names ? pick(names.nameRu, names.nameEn) : path.code });
    }
    if (path.kind === "metric") {
      const names = input.metricNames[path.slug];
      return t(`history.fields.metric.${path.part}`, { metric: names ? pick(names.nameRu, names.nameEn) : path.slug });
    }
    return label(`history.fields.${field}`, field);
  };
  const fieldValue = (change: FieldChange, raw: string | null) => {
    if (raw === null || raw === "") return none;
    const path = parseFieldPath(change.field);
    if (path.kind === "country") return label(`${path.part}.${raw}`, raw);
    if (change.field === "themes")
      return splitThemes(raw)
        .map((theme) => label(`theme.${theme}`, theme))
        .join(", ");
    return raw;
  };

  /** "Status: Proposed → In preparation · Stage: Announced → Drafting", only the parts that moved. */
  const statusSummary = (entry: HistoryItem) => {
    const parts: string[] = [];
    const statusMoved = entry.toStatus !== null && entry.fromStatus !== entry.toStatus;
    const stageMoved = entry.fromStage !== entry.toStage;
    if (statusMoved || !stageMoved) parts.push(t("feeds.entry.status", { change: arrow(status(entry.fromStatus), status(entry.toStatus)) }));
    if (stageMoved) parts.push(t("feeds.entry.stage", { change: arrow(stage(entry.fromStage), stage(entry.toStage)) }));
    return parts.join(" · ");
  };

  const what = (entry: HistoryItem) => {
    const summary =
      entry.kind === "status_change"
        ? statusSummary(entry)
        : entry.kind === "verification"
          ? t("feeds.entry.verification")
          : entry.changes.length
            ? t("feeds.entry.edit", { fields: [...new Set(entry.changes.map((c) => fieldLabel(c.field)))].join(", ") })
            : t("feeds.entry.editNoFields");
    return entry.correctsId === null ? summary : t("feeds.entry.correcting", { what: summary, id: entry.correctsId });
  };

  const content = (entry: HistoryItem) => {
    const lines: string[] = [
      t("feeds.content.relation", { relation: label(`meetingRelation.${entry.initiative.meetingRelation}`, entry.initiative.meetingRelation) }),
    ];
    if (entry.kind === "status_change") {
      lines.push(t("feeds.content.status", { change: arrow(status(entry.fromStatus), status(entry.toStatus)) }));
      if (entry.fromStage !== null || entry.toStage !== null) {
        lines.push(t("feeds.content.stage", { change: arrow(stage(entry.fromStage), stage(entry.toStage)) }));
      }
    }
    if (entry.changes.length) {
      lines.push(t("feeds.content.changes"));
      for (const change of entry.changes) {
        lines.push(t("feeds.content.change", { field: fieldLabel(change.field), from: fieldValue(change, change.from), to: fieldValue(change, change.to) }));
      }
    }
    // Imported entries carry a fixed English note; like the initiative page, say it in the feed's language.
    const note = entry.authorName === null ? t("history.importNote") : entry.note;
    if (note) lines.push(t("feeds.content.note", { note }));
    if (entry.overrideNote) lines.push(t("feeds.content.override", { note: entry.overrideNote }));
    if (entry.kind === "status_change") lines.push(t("feeds.content.effective", { date: day(entry.effectiveOn) }));
    lines.push(t("feeds.content.by", { name: entry.authorName ?? t("feeds.entry.importedAuthor") }));
    if (entry.reviewerName) lines.push(t("feeds.content.approvedBy", { name: entry.reviewerName }));
    if (entry.correctsId !== null) lines.push(t("feeds.content.corrects", { id: entry.correctsId }));
    if (entry.quote) {
      const url = `${origin}${localePath(lang, `/sources/${entry.quote.sourceId}#quote-${entry.quote.id}`)}`;
      lines.push(t("feeds.content.evidenceQuote", { text: entry.quote.text, url }));
    }
    if (entry.evidenceUrl) {
      const title = entry.evidenceTitle || entry.evidenceUrl;
      lines.push(
        entry.evidenceDate
          ? t("feeds.content.evidenceLinkDated", { title, date: day(entry.evidenceDate), url: entry.evidenceUrl })
          : t("feeds.content.evidenceLink", { title, url: entry.evidenceUrl }),
      );
    }
    lines.push(t("feeds.content.version", { version: entry.version }));
    return lines.join("\n");
  };

  const historyEntries: AtomEntry[] = input.entries.map((entry) => {
    const initiativeTitle = pick(entry.initiative.titleRu, entry.initiative.titleEn);
    const initiativeUrl = pageUrl(origin, { kind: "initiative", slug: entry.initiative.slug, titleRu: "", titleEn: "" }, lang);
    return {
      id: entryId(entry.id),
      title: t("feeds.entry.title", { initiative: initiativeTitle, what: what(entry) }),
      updated: entry.recordedAt,
      published: entry.recordedAt,
      authors: [{ name: entry.authorName ?? t("feeds.entry.importedAuthor") }],
      contributors: entry.reviewerName ? [{ name: entry.reviewerName }] : [],
      links: [{ rel: "alternate", type: "text/html", href: `${initiativeUrl}#entry-${entry.id}` }],
      categories: [
        { term: entry.kind, scheme: `${URN}:history-kind`, label: label(`history.kind.${entry.kind}`, entry.kind) },
        {
          term: entry.initiative.meetingRelation,
          scheme: `${URN}:meeting-relation`,
          label: label(`meetingRelation.${entry.initiative.meetingRelation}`, entry.initiative.meetingRelation),
        },
      ],
      content: content(entry),
    };
  });

  const subjectName = (): string => {
    switch (subject.kind) {
      case "history":
        return "";
      case "initiative":
        return pick(subject.titleRu, subject.titleEn);
      case "country":
      case "event":
      case "metric":
        return pick(subject.nameRu, subject.nameEn);
      case "theme":
        return label(`theme.${subject.theme}`, subject.theme);
      case "source":
        return subject.title ?? t("feeds.content.untitledSource", { id: subject.id });
    }
  };

  // The same who, when and why as an initiative's entries, for the subject's own record.
  const recordEntries: AtomEntry[] = (input.records ?? []).map((record) => {
    const fields = [...new Set(record.changes.map((change) => recordFieldLabel(t, change.field)))].join(", ");
    const what = record.action === "created" ? t("feeds.entry.recordCreated") : t("feeds.entry.recordCorrected", { fields });
    const lines: string[] = [];
    if (record.changes.length) {
      lines.push(t("feeds.content.changes"));
      for (const change of record.changes) {
        const to = recordFieldValue(t, change.field, change.to) ?? none;
        lines.push(
          record.action === "created"
            ? t("feeds.content.recordField", { field: recordFieldLabel(t, change.field), value: to })
            : t("feeds.content.change", { field: recordFieldLabel(t, change.field), from: recordFieldValue(t, change.field, change.from) ?? none, to }),
        );
      }
    }
    if (record.note) lines.push(t("feeds.content.note", { note: record.note }));
    lines.push(t("feeds.content.by", { name: record.authorName ?? t("feeds.entry.importedAuthor") }));
    lines.push(t("feeds.content.version", { version: record.version }));
    return {
      id: recordEntryId(record.id),
      title: t("feeds.entry.title", { initiative: subjectName(), what }),
      updated: record.recordedAt,
      published: record.recordedAt,
      authors: [{ name: record.authorName ?? t("feeds.entry.importedAuthor") }],
      links: [{ rel: "alternate", type: "text/html", href: `${pageUrl(origin, subject, lang)}#record-${record.id}` }],
      categories: [{ term: record.action, scheme: `${URN}:record-action`, label: t(`feeds.entry.record_${record.action}`) }],
      content: lines.join("\n"),
    };
  });

  // Newest first across both kinds of entry, at most the feed's length.
  const entries = [...historyEntries, ...recordEntries].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_ENTRY_LIMIT);

  const subjectTitle =
    subject.kind === "history"
      ? t("feeds.title.history")
      : subject.kind === "initiative"
        ? t("feeds.title.initiative", { title: subjectName() })
        : subject.kind === "country"
          ? t("feeds.title.country", { country: subjectName() })
          : subject.kind === "theme"
            ? t("feeds.title.theme", { theme: subjectName() })
            : t(`feeds.title.${subject.kind}`, { name: subjectName() });

  return {
    id: feedId(subject, lang),
    title: subjectTitle,
    subtitle: t(`feeds.subtitle.${subject.kind}`),
    updated: entries[0]?.updated ?? input.fallbackUpdated,
    lang,
    authors: [{ name: t("feeds.name"), uri: pageUrl(origin, { kind: "history" }, lang) }],
    links: [
      { rel: "self", type: "application/atom+xml", href: feedUrl(origin, subject, lang) },
      { rel: "alternate", type: "text/html", hreflang: lang, href: pageUrl(origin, subject, lang) },
    ],
    generator: { name: "Summit Initiatives Tracker", uri: `${origin}/` },
    entries,
  };
}

/** The translator without a namespace: full keys, checked at run time with `has`. */
interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}
