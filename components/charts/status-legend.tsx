import { getTranslations } from "next-intl/server";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "@/lib/domain/vocabulary";
import { STATUS_FILL } from "@/lib/charts/palette";

/** Names every status colour used in a chart, in stacking order. */
export async function StatusLegend({ only }: { only?: readonly InitiativeStatus[] }) {
  const [t, tStatus] = await Promise.all([getTranslations("charts"), getTranslations("status")]);
  const statuses = only ?? INITIATIVE_STATUSES;
  return (
    <div className="mt-3">
      <p className="sr-only">{t("legend")}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
        {statuses.map((status) => (
          <li key={status} className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" className="shrink-0">
              <rect width="14" height="14" rx="2" fill={STATUS_FILL[status].fill} />
            </svg>
            {tStatus(status)}
          </li>
        ))}
      </ul>
    </div>
  );
}
