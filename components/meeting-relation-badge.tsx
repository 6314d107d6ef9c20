import { getTranslations } from "next-intl/server";
import type { MeetingRelation } from "@/lib/domain/vocabulary";

// Outcomes stand out; the rest reads as context, never hidden.
const STYLE: Record<MeetingRelation, string> = {
  outcome: "border-emerald-700 bg-emerald-50 text-emerald-900",
  welcomed: "border-sky-700 bg-sky-50 text-sky-900",
  bilateral_visit: "border-violet-700 bg-violet-50 text-violet-900",
  background: "border-slate-500 bg-slate-50 text-slate-800",
};

/** What an entry is to the meeting: its outcome, welcomed there, a bilateral visit, or background. */
export async function MeetingRelationBadge({ relation }: { relation: MeetingRelation }) {
  const t = await getTranslations("meetingRelation");
  return (
    <span data-relation={relation} className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${STYLE[relation]}`}>
      {t(relation)}
    </span>
  );
}
