import { getTranslations } from "next-intl/server";

const STYLES: Record<string, string> = {
  "-1": "bg-red-50 text-red-900 ring-red-300",
  "0": "bg-amber-50 text-amber-900 ring-amber-300",
  "1": "bg-emerald-50 text-emerald-900 ring-emerald-300",
};

/** A score as its sign and its word (never colour alone): "+1 full compliance". */
export async function ScoreBadge({ score }: { score: number }) {
  const t = await getTranslations("scorecards");
  const key = String(score) as "-1" | "0" | "1";
  return (
    <span data-score={key} className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLES[key] ?? ""}`}>
      {t(`scoreLabel.${key}`)}
    </span>
  );
}

/** An average as a signed decimal in the locale's format: +0,50 / +0.50. */
export function formatAverage(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en" : "ru", { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(value);
}
