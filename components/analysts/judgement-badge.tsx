import { getTranslations } from "next-intl/server";
import type { TargetJudgement } from "@/lib/metrics/judge-target";

const STYLES: Record<TargetJudgement, string> = {
  achieved: "bg-emerald-100 text-emerald-900 ring-emerald-400",
  not_yet_due: "bg-sky-100 text-sky-900 ring-sky-400",
  off_track: "bg-red-100 text-red-900 ring-red-400",
  no_deadline: "bg-slate-100 text-slate-800 ring-slate-400",
  no_data: "bg-white text-slate-800 ring-slate-400",
  no_target: "bg-white text-slate-800 ring-slate-400",
};

const SYMBOL: Record<TargetJudgement, string> = {
  achieved: "✓",
  not_yet_due: "◷",
  off_track: "!",
  no_deadline: "–",
  no_data: "?",
  no_target: "–",
};

/** The judgement in words (a symbol and colour only repeat it). */
export async function JudgementBadge({ judgement }: { judgement: TargetJudgement }) {
  const t = await getTranslations("targets.judgement");
  return (
    <span
      data-judgement={judgement}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLES[judgement]}`}
    >
      <span aria-hidden="true">{SYMBOL[judgement]}</span>
      {t(judgement)}
    </span>
  );
}
