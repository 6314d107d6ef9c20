import { getFormatter, getTranslations } from "next-intl/server";
import { SOURCE_KINDS, SOURCE_LANGUAGES } from "@/lib/domain/vocabulary";
import type { RecordHistoryView } from "@/lib/records/record-history";

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
    if (field === "kind" && (SOURCE_KINDS as readonly string[]).includes(raw)) return tKind(raw);
    if (field === "language" && (SOURCE_LANGUAGES as readonly string[]).includes(raw)) return tLanguage(raw);
    if (field === "origin" && t.has(`origins.${raw}`)) return t(`origins.${raw}`);
    return raw;
  };
  return (
    <section aria-labelledby="record-history" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="record-history" className="text-xl font-semibold">
        {subject === "source" ? t("title") : t(`title_${subject}`)}
      </h2>
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
                      {t.has(`fields.${change.field}`) ? t(`fields.${change.field}`) : change.field}:{" "}
                      {entry.action === "created" ? value(change.field, change.to) : `${value(change.field, change.from)} → ${value(change.field, change.to)}`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
