import { getFormatter, getTranslations } from "next-intl/server";
import { isOneOf, SOURCE_KINDS, SOURCE_LANGUAGES } from "@/lib/domain/vocabulary";
import type { RecordHistoryView } from "@/lib/records/record-history";
import { lookUp } from "@/lib/i18n/look-up";
import { Card } from "@/components/card";

/** A source's (and later an event's or a metric's) append-only history, newest first, public. */
export async function RecordHistoryList({ entries, subject = "source" }: { entries: RecordHistoryView[]; subject?: "source" | "event" | "metric" }) {
  const [t, tKind, tLanguage, format] = await Promise.all([
    getTranslations("recordHistory"),
    getTranslations("sourceKind"),
    getTranslations("sourceLanguage"),
    getFormatter(),
  ]);
  const value = (field: string, raw: string | null) => {
    if (raw === null || raw === "") return t("empty");
    if (field === "kind" && isOneOf(SOURCE_KINDS, raw)) return tKind(raw);
    if (field === "language" && isOneOf(SOURCE_LANGUAGES, raw)) return tLanguage(raw);
    return (field === "origin" ? lookUp(t, `origins.${raw}`) : undefined) ?? raw;
  };
  return (
    <Card id="record-history" title={subject === "source" ? t("title") : t(`title_${subject}`)}>
      {entries.length === 0 ? (
        <p className="mt-3 text-slate-700">{subject === "source" ? t("none") : t(`none_${subject}`)}</p>
      ) : (
        <ol className="mt-4 space-y-4" data-testid="record-history">
          {entries.map((entry) => (
            <li key={entry.id} className="border-l-4 border-slate-300 pl-3">
              <p className="font-medium">
                {t(entry.action, { author: entry.authorName ?? "—" })} ·{" "}
                <time dateTime={entry.recordedAt.toISOString()}>{format.dateTime(entry.recordedAt, { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
                {t("version", { version: entry.version })}
              </p>
              {entry.note && <p className="mt-1">{entry.note}</p>}
              {entry.changes.length > 0 && (
                <ul className="mt-1 space-y-0.5 text-sm">
                  {entry.changes.map((change) => (
                    <li key={change.field} className="break-words">
                      {lookUp(t, `fields.${change.field}`) ?? change.field}:{" "}
                      {entry.action === "created" ? value(change.field, change.to) : `${value(change.field, change.from)} → ${value(change.field, change.to)}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
