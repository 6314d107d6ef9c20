import { getFormatter, getTranslations } from "next-intl/server";
import { FeedLink } from "@/components/feed-link";
import type { FeedPageTarget } from "@/lib/feeds/feed-page";
import type { RecordHistoryView } from "@/lib/records/record-history";
import { recordFieldLabel, recordFieldValue, type FullKeyTranslate } from "@/lib/records/record-labels";

/** A source's, an event's or a figure's append-only history, newest first, public, with the link to its feed. */
export async function RecordHistoryList({
  entries,
  subject = "source",
  feed,
}: {
  entries: RecordHistoryView[];
  subject?: "source" | "event" | "metric";
  feed: FeedPageTarget;
}) {
  const [t, tAll, format] = await Promise.all([getTranslations("recordHistory"), getTranslations(), getFormatter()]);
  const all = tAll as unknown as FullKeyTranslate;
  const value = (field: string, raw: string | null) => recordFieldValue(all, field, raw) ?? t("empty");
  return (
    <section aria-labelledby="record-history" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="record-history" className="text-xl font-semibold">
          {subject === "source" ? t("title") : t(`title_${subject}`)}
        </h2>
        <FeedLink target={feed} />
      </div>
      {entries.length === 0 ? (
        <p className="mt-3 text-slate-700">{subject === "source" ? t("none") : t(`none_${subject}`)}</p>
      ) : (
        <ol className="mt-4 space-y-4" data-testid="record-history">
          {entries.map((entry) => (
            <li key={entry.id} id={`record-${entry.id}`} className="border-l-4 border-slate-300 pl-3">
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
                      {recordFieldLabel(all, change.field)}:{" "}
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
