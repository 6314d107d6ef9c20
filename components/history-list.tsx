import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntryView } from "@/lib/initiatives/get-initiative";
import { parseFieldPath, parseReadingValue, splitThemes, type FieldChange } from "@/lib/history/field-changes";
import { dateToDay, dayToDate } from "@/lib/dates";
import { COUNTRY_ROLES, STAGES, THEMES, vocabularyLabel } from "@/lib/domain/vocabulary";
import { lookUp } from "@/lib/i18n/look-up";
import { QuoteLink } from "@/components/quote-link";

const VOCABULARY_FIELDS: Record<string, "status" | "stage" | "role" | "theme"> = {
  role: "role",
  stage: "stage",
};

/** The whole, append-only history of an initiative, newest first, as the public sees it. */
/** An entry that only adds figure readings is a new reading, not a correction of data. */
function isNewReading(changes: readonly FieldChange[]): boolean {
  return (
    changes.length > 0 &&
    changes.every((change) => {
      const path = parseFieldPath(change.field);
      return path.kind === "metric" && path.part === "reading";
    })
  );
}

export async function HistoryList({
  entries,
  countryNames,
  metricNames,
  eventNames = {},
}: {
  entries: HistoryEntryView[];
  countryNames: Record<string, string>;
  metricNames: Record<string, string>;
  /** Names of the events re-announcements name by slug. */
  eventNames?: Record<string, string>;
}) {
  const [t, tCommon, tStatus, tStage, tRole, tTheme, format] = await Promise.all([
    getTranslations("history"),
    getTranslations("common"),
    getTranslations("status"),
    getTranslations("stage"),
    getTranslations("role"),
    getTranslations("theme"),
    getFormatter(),
  ]);
  const day = (date: Date | null) => (date ? <time dateTime={dateToDay(date)}>{format.dateTime(date, { dateStyle: "long" })}</time> : tCommon("unknown"));

  const fieldLabel = (field: string) => {
    const path = parseFieldPath(field);
    if (path.kind === "country") return t(`fields.country.${path.part}`, { country: countryNames[path.code] ?? path.code });
    if (path.kind === "metric") return t(`fields.metric.${path.part}`, { metric: metricNames[path.slug] ?? path.slug });
    return lookUp(t, `fields.${field}`) ?? field;
  };
  const value = (change: FieldChange, raw: string | null) => {
    if (raw === null || raw === "") return "—";
    const path = parseFieldPath(change.field);
    const kind = VOCABULARY_FIELDS[path.kind === "field" ? path.name : path.part];
    if (kind === "stage") return vocabularyLabel(STAGES, (stage) => tStage(stage))(raw);
    if (kind === "role") return vocabularyLabel(COUNTRY_ROLES, (role) => tRole(role))(raw);
    if (change.field === "reannouncedAt") return eventNames[raw] ?? raw;
    // Stored as "12.4 @ 2026-11-30"; shown in the locale's number and date format.
    const reading = path.kind === "metric" && path.part === "reading" ? parseReadingValue(raw) : null;
    if (reading) {
      const value = format.number(reading.value);
      return reading.observedOn
        ? t("readingOn", { value, date: format.dateTime(dayToDate(reading.observedOn), { dateStyle: "long", timeZone: "UTC" }) })
        : value;
    }
    if (change.field === "themes")
      return splitThemes(raw)
        .map(vocabularyLabel(THEMES, (theme) => tTheme(theme)))
        .join(", ");
    return raw;
  };

  // Each entry's look comes from `.history-entries` in app/globals.css: a class on every element
  // of every entry was a quarter of a long history's bytes, sent twice (markup and RSC payload).
  return (
    <ol className="history-entries mt-4 space-y-4">
      {entries.map((entry) => (
        <li key={entry.id} id={`entry-${entry.id}`}>
          <p>
            {isNewReading(entry.changes) ? t("newReading") : t(`kind.${entry.kind}`)}
            <span>{t("version", { version: entry.version })}</span>
          </p>
          {entry.toStatus && (
            <p>
              {t("status")}: {entry.fromStatus ? `${tStatus(entry.fromStatus)} → ` : ""}
              {tStatus(entry.toStatus)}
              {(entry.fromStage || entry.toStage) && (
                <>
                  {" · "}
                  {t("stage")}:{" "}
                  {entry.fromStage && entry.fromStage === entry.toStage
                    ? t("unchanged", { value: tStage(entry.fromStage) })
                    : `${entry.fromStage ? `${tStage(entry.fromStage)} → ` : ""}${entry.toStage ? tStage(entry.toStage) : "—"}`}
                </>
              )}
            </p>
          )}
          {entry.changes.length > 0 && (
            <table className="stack-table">
              <caption className="sr-only">{t("changes")}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">{t("field")}</th>
                  <th scope="col">{t("before")}</th>
                  <th scope="col">{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {entry.changes.map((change, index) => (
                  <tr key={index}>
                    <th scope="row">{fieldLabel(change.field)}</th>
                    <td>{value(change, change.from)}</td>
                    <td>→ {value(change, change.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {entry.authorName === null ? (
            // Imported from the articles: dated by the source, never by the day the database was built.
            <p className="text-sm text-slate-700" data-testid="imported-entry">
              {tCommon("seedAuthor")} · {t("effective")}: {entry.effectiveOn ? day(entry.effectiveOn) : t("dateUnknown")}
              {entry.quote?.source.publishedOn && (
                <>
                  {" · "}
                  {t(entry.quote.source.dateFromMetadata ? "sourceDatedMetadata" : "sourceDated", {
                    date: format.dateTime(entry.quote.source.publishedOn, { dateStyle: "long" }),
                  })}
                </>
              )}
            </p>
          ) : (
            <p className="text-sm text-slate-700">
              {t("by")}: {entry.authorName}
              {entry.reviewerName && <> · {t("approvedBy", { name: entry.reviewerName })}</>} · {t("recorded")}: {day(entry.recordedAt)}
              {entry.kind === "status_change" && (
                <>
                  {" · "}
                  {t("effective")}: {day(entry.effectiveOn)}
                </>
              )}
            </p>
          )}
          {entry.correctsId && (
            <p className="text-sm">
              <a href={`#entry-${entry.correctsId}`} className="text-blue-800 underline">
                {t("corrects", { id: entry.correctsId })}
              </a>
            </p>
          )}
          {(entry.note || entry.authorName === null) && (
            <p className="mt-1">
              {/* Imported entries carry a fixed English note; show it in the page's language. */}
              {t("note")}: {entry.authorName === null ? t("importNote") : entry.note}
            </p>
          )}
          {entry.overrideNote && (
            <p className="mt-1">
              {t("override")}: {entry.overrideNote}
            </p>
          )}
          {entry.quote && (
            <p className="mt-1 text-sm">
              {t("evidence")}:{" "}
              <QuoteLink quote={entry.quote} lang="ru">
                «{entry.quote.text}»
              </QuoteLink>
            </p>
          )}
          {entry.evidenceUrl && /^https?:\/\//.test(entry.evidenceUrl) && (
            <p className="mt-1 text-sm">
              {t("evidence")}:{" "}
              <a href={entry.evidenceUrl} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                {entry.evidenceTitle ?? entry.evidenceUrl}
              </a>
              {entry.evidenceDate && <>, {day(entry.evidenceDate)}</>}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
