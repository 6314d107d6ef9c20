import { getTranslations } from "next-intl/server";
import type { InitiativeStatus } from "@/lib/domain/vocabulary";

const STYLES: Record<InitiativeStatus, string> = {
  proposed: "bg-sky-100 text-sky-900 ring-sky-300",
  in_preparation: "bg-indigo-100 text-indigo-900 ring-indigo-300",
  agreed: "bg-violet-100 text-violet-900 ring-violet-300",
  in_progress: "bg-amber-100 text-amber-900 ring-amber-300",
  implemented: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  stalled: "bg-orange-100 text-orange-900 ring-orange-300",
  dropped: "bg-slate-200 text-slate-800 ring-slate-400",
};

export async function StatusBadge({ status }: { status: InitiativeStatus }) {
  const t = await getTranslations("status");
  return (
    <span data-status={status} className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
