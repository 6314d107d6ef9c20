import { getFormatter, getTranslations } from "next-intl/server";
import { CountriesForm, CreateMetricForm, DetailsForm, MetricForm, ReviewForm, StatusForm, VerifyForm } from "@/components/forms/editor-forms-on-demand";
import type { SessionUser } from "@/lib/auth/sessions";
import type { CountryOption } from "@/lib/countries/list-countries";
import { localized } from "@/lib/i18n/localized";
import type { InitiativeDetail } from "@/lib/initiatives/get-initiative";
import type { PendingChangeView } from "@/lib/initiatives/list-pending-changes";
import type { SourceOption } from "@/lib/sources/list-sources";
import { dateToDay, dayOrNull } from "@/lib/dates";

/** Everything an editor can change on an initiative; rendered only for users who may edit. */
export async function EditorPanel({
  locale,
  user,
  initiative,
  countries,
  sources,
  pending,
  evidence = null,
  draft = null,
}: {
  locale: string;
  user: SessionUser;
  initiative: InitiativeDetail;
  countries: CountryOption[];
  sources: SourceOption[];
  pending: PendingChangeView[];
  /** A quote to offer as the status change's evidence (from the source review page). */
  evidence?: { sourceId: number; text: string } | null;
  /** A reader's suggestion to start the status change from: its text as the note, its link as the evidence. */
  draft?: { note: string; url: string | null } | null;
}) {
  const [t, tStatus, tHistory, tCommon, format] = await Promise.all([
    getTranslations("editor"),
    getTranslations("status"),
    getTranslations("history"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const sourceOptions = sources.map((source) => ({
    value: String(source.id),
    label: [source.title ?? source.outlet ?? tCommon("unknown"), source.publishedOn ? format.dateTime(source.publishedOn, { dateStyle: "medium" }) : null]
      .filter(Boolean)
      .join(", "),
  }));
  const entryOptions = initiative.history.map((entry) => ({
    value: String(entry.id),
    label: `${tHistory("version", { version: entry.version })} · ${tHistory(`kind.${entry.kind}`)} · ${format.dateTime(entry.recordedAt, { dateStyle: "medium" })}${entry.note ? ` · ${entry.note.slice(0, 60)}` : ""}`,
  }));
  const participation = new Map(initiative.participations.map((p) => [p.code, p]));
  const today = dateToDay(new Date());
  const day = (date: Date | null) => dayOrNull(date) ?? "";
  const common = { slug: initiative.slug, version: initiative.version, entries: entryOptions };
  const card = "rounded-lg border border-blue-200 bg-white p-5";

  return (
    <section aria-labelledby="editor-panel" className="space-y-6 rounded-lg border-2 border-blue-300 bg-blue-50/40 p-4">
      <div>
        <h2 id="editor-panel" className="text-xl font-semibold">
          {t("panelTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("panelIntro", { name: user.displayName, version: initiative.version })}</p>
      </div>

      {pending.length > 0 && (
        <div className={card}>
          <h3 className="text-lg font-semibold">{t("pendingTitle")}</h3>
          <ul className="mt-3 space-y-4">
            {pending.map((change) => (
              <li key={change.id} className="border-l-4 border-amber-400 pl-3">
                <p>
                  {tStatus(change.fromStatus)} → {tStatus(change.toStatus)} · {t("proposedBy", { name: change.authorName })}
                </p>
                <p className="text-sm">{change.note}</p>
                {change.authorId === user.id ? <p className="text-sm text-slate-700">{t("awaitingOther")}</p> : <ReviewForm pendingId={change.id} />}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className={card}>
        <StatusForm {...common} status={initiative.status} stage={initiative.stage} sources={sourceOptions} today={today} evidence={evidence} draft={draft} />
      </div>
      <div className={card}>
        <h3 className="text-lg font-semibold">{t("verifyTitle")}</h3>
        <p className="mb-3 text-sm text-slate-700">{t("verifyIntro")}</p>
        <VerifyForm slug={initiative.slug} version={initiative.version} />
      </div>
      <div className={card}>
        <DetailsForm
          {...common}
          titleRu={initiative.titleRu}
          titleEn={initiative.titleEn}
          summaryRu={initiative.summaryRu}
          summaryEn={initiative.summaryEn}
          themes={initiative.themes}
          targetDate={day(initiative.targetDate)}
        />
      </div>
      <div className={card}>
        <CountriesForm
          {...common}
          countries={countries.map((country) => ({
            code: country.code,
            name: localized(locale, country.nameRu, country.nameEn),
            role: participation.get(country.code)?.role ?? null,
            stage: participation.get(country.code)?.stage ?? null,
          }))}
        />
      </div>
      {initiative.metrics.map((metric) => (
        <div key={metric.slug} className={card}>
          <MetricForm
            {...common}
            metricSlug={metric.slug}
            name={localized(locale, metric.nameRu, metric.nameEn)}
            unit={localized(locale, metric.unitRu, metric.unitEn)}
            targetDate={day(metric.target?.date ?? null)}
            sources={sourceOptions}
          />
        </div>
      ))}
      <div className={card}>
        <CreateMetricForm slug={initiative.slug} version={initiative.version} sources={sourceOptions} />
      </div>
    </section>
  );
}
