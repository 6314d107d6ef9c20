import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** The accessible alternative right below a chart: its data as a table, folded by default. */
export async function DataTableDetails({ children }: { children: ReactNode }) {
  const t = await getTranslations("charts");
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-blue-800 underline">{t("dataAsTable")}</summary>
      <div className="relative mt-2 overflow-x-auto">{children}</div>
    </details>
  );
}
