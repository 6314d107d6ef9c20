import { getFormatter, getTranslations } from "next-intl/server";
import type { RecentHistoryEntry } from "@/lib/countries/recent-history";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";

/** The latest history entries of a set of initiatives, newest first. */
export async function RecentHistory({ locale, entries }: { locale: string; entries: RecentHistoryEntry[] }) {
  const [t, tKind, tStatus, tStage, tCommon, format] = await Promise.all([
    getTranslations("analysts"),
    getTranslations("history.kind"),
    getTranslations("status"),
    getTranslations("stage"),
    getTranslations("common"),
    getFormatter(),
  ]);
  if (entries.length === 0) return <p className="mt-3 text-slate-700">{t("noChanges")}</p>;
  return (
    <ol className="mt-4 divide-y divide-slate-100">
      {entries.map((entry) => (
        <li key={entry.id} className="py-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/initiatives/${entry.initiative.slug}#entry-${entry.id}`} className="font-medium text-blue-800 underline">
              {localized(locale, entry.initiative.titleRu, entry.initiative.titleEn)}
            </Link>
            {entry.authorName === null ? (
              // Imported from the articles: the build day is not a date of the change.
              <span className="text-sm text-slate-700">{t("importedUndated")}</span>
            ) : (
              <time dateTime={entry.recordedAt.toISOString()} className="text-sm text-slate-700">
                {format.dateTime(entry.recordedAt, { dateStyle: "medium" })}
              </time>
            )}
          </div>
          <p className="text-sm text-slate-800">
            <span className="font-medium">{tKind(entry.kind)}</span>
            {entry.toStatus && (
              <>
                {" · "}
                {entry.fromStatus
                  ? t("statusChange", { from: tStatus(entry.fromStatus), to: tStatus(entry.toStatus) })
                  : t("statusRecorded", { to: tStatus(entry.toStatus) })}
              </>
            )}
            {(entry.fromStage || entry.toStage) && (
              <>
                {" · "}
                {entry.fromStage && entry.fromStage === entry.toStage
                  ? t("stageUnchanged", { stage: tStage(entry.fromStage) })
                  : entry.fromStage
                    ? t("stageChange", { from: tStage(entry.fromStage), to: entry.toStage ? tStage(entry.toStage) : t("nothing") })
                    : t("stageRecorded", { to: entry.toStage ? tStage(entry.toStage) : t("nothing") })}
              </>
            )}
          </p>
          <p className="text-sm text-slate-700">{entry.authorName ? t("by", { name: entry.authorName }) : tCommon("seedAuthor")}</p>
        </li>
      ))}
    </ol>
  );
}
