import type { Metadata } from "next";
import { AsWritten } from "@/components/as-written";
import { publicData } from "@/lib/cache/public-data";
import { getFormatter, getTranslations } from "next-intl/server";
import { JudgementBadge } from "@/components/analysts/judgement-badge";
import { MetricLineChart } from "@/components/charts/metric-line-chart";
import { ProgressBar } from "@/components/progress-bar";
import { StatusBadge } from "@/components/status-badge";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { metricProgress } from "@/lib/initiatives/metric-progress";
import { judgeTarget, TARGET_JUDGEMENTS } from "@/lib/metrics/judge-target";
import { dateToDay } from "@/lib/dates";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "targets" });
  return { title: t("title") };
}

export default async function TargetsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const [t, tCommon, tHistory, format, metrics] = await Promise.all([
    getTranslations("targets"),
    getTranslations("common"),
    getTranslations("figureHistory"),
    getFormatter(),
    publicData.metrics(),
  ]);
  const now = new Date();
  const judged = metrics.map((metric) => ({ metric, judgement: judgeTarget(metric, now) }));
  const day = (date: Date) => <time dateTime={dateToDay(date)}>{format.dateTime(date, { dateStyle: "long" })}</time>;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro", { count: metrics.length })}</p>
      </header>

      <Card id="targets-summary" title={t("summary")}>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_max-content_1fr]">
          {TARGET_JUDGEMENTS.map((judgement) => (
            <div key={judgement} className="contents" data-judgement-count={judgement}>
              <dt>
                <JudgementBadge judgement={judgement} />
              </dt>
              <dd className="tabular-nums font-medium">{t("figureCount", { count: judged.filter((item) => item.judgement === judgement).length })}</dd>
              <dd className="text-sm text-slate-700">{t(`explain.${judgement}`)}</dd>
            </div>
          ))}
        </dl>
      </Card>

      {metrics.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        judged.map(({ metric, judgement }) => {
          const name = localized(locale, metric.nameRu, metric.nameEn);
          const unit = localized(locale, metric.unitRu, metric.unitEn);
          const progress = metricProgress(metric);
          const headingId = `metric-${metric.slug}`;
          return (
            <section key={metric.slug} aria-labelledby={headingId} data-metric={metric.slug} className="rounded-lg border border-slate-200 bg-white p-5">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <h2 id={headingId} className="text-xl font-semibold">
                  {name}
                </h2>
                <JudgementBadge judgement={judgement} />
              </div>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-700">{t("initiative")}:</span>
                <Link href={`/initiatives/${metric.initiativeSlug}`} className="text-blue-800 underline">
                  {localized(locale, metric.initiativeTitleRu, metric.initiativeTitleEn)}
                </Link>
                <StatusBadge status={metric.initiativeStatus} />
                <Link href={`/targets/${metric.slug}`} className="text-blue-800 underline">
                  {tHistory("link")}
                </Link>
              </p>
              <p className="mt-2 text-sm text-slate-800">{t(`explain.${judgement}`)}</p>

              <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_minmax(0,26rem)]">
                <div>
                  <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-medium text-slate-700">{t("unit")}</dt>
                    <dd>{unit}</dd>
                    <dt className="font-medium text-slate-700">{t("baseline")}</dt>
                    <dd>
                      {metric.baseline ? (
                        <>
                          <span className="font-semibold tabular-nums">{format.number(metric.baseline.value)}</span> {unit}
                          {metric.baseline.text && (
                            <>
                              {" · "}
                              {t("asWritten")} <q lang="ru">{metric.baseline.text}</q>
                            </>
                          )}
                          {" · "}
                          {t("period")} {metric.baseline.period ? <AsWritten text={metric.baseline.period} /> : tCommon("unknown")}
                        </>
                      ) : (
                        <span className="text-slate-600">{t("noBaseline")}</span>
                      )}
                    </dd>
                    <dt className="font-medium text-slate-700">{t("target")}</dt>
                    <dd>
                      {metric.target ? (
                        <>
                          <span className="font-semibold tabular-nums">{format.number(metric.target.value)}</span> {unit}
                          {metric.target.text && (
                            <>
                              {" · "}
                              {t("asWritten")} <q lang="ru">{metric.target.text}</q>
                            </>
                          )}
                        </>
                      ) : (
                        <span className="text-slate-600">{t("noTarget")}</span>
                      )}
                    </dd>
                    <dt className="font-medium text-slate-700">{t("targetDate")}</dt>
                    <dd data-testid="target-date">
                      {metric.target?.date ? (
                        day(metric.target.date)
                      ) : metric.target?.dateText ? (
                        <AsWritten text={metric.target.dateText} />
                      ) : (
                        <span className="text-slate-600">{t("dateNotStated")}</span>
                      )}
                    </dd>
                    <dt className="font-medium text-slate-700">{t("readings")}</dt>
                    <dd>
                      {metric.readings.length === 0 ? (
                        <span className="text-slate-600">{t("noReadings")}</span>
                      ) : (
                        <ul>
                          {metric.readings.map((reading, index) => (
                            <li key={index}>
                              <span className="font-semibold tabular-nums">{format.number(reading.value)}</span> {unit}
                              {reading.text && (
                                <>
                                  {" · "}
                                  {t("asWritten")} <q lang="ru">{reading.text}</q>
                                </>
                              )}
                              {" · "}
                              {t("observedOn")}{" "}
                              {reading.observedOn ? (
                                day(reading.observedOn)
                              ) : reading.observedText ? (
                                <span lang="ru">{reading.observedText}</span>
                              ) : (
                                tCommon("unknown")
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </dl>
                  <div className="mt-4 max-w-md">
                    {progress ? (
                      <>
                        <p className="text-sm tabular-nums text-slate-800">
                          {t("currentOfTarget", {
                            current: format.number(progress.current),
                            target: format.number(progress.target),
                            unit,
                            percent: format.number(progress.percent / 100, { style: "percent", maximumFractionDigits: 0 }),
                          })}
                        </p>
                        <ProgressBar
                          percent={progress.percent}
                          label={t("progressLabel", { name, current: format.number(progress.current), target: format.number(progress.target), unit })}
                        />
                      </>
                    ) : (
                      <p className="text-sm text-slate-700">{metric.target ? t("noProgress") : t("noTargetProgress")}</p>
                    )}
                  </div>
                </div>
                <div>
                  <h3 className="sr-only">{t("chartHeading", { name })}</h3>
                  <MetricLineChart id={`chart-${metric.slug}`} metric={metric} name={name} unit={unit} />
                </div>
              </div>
            </section>
          );
        })
      )}
    </div>
  );
}
