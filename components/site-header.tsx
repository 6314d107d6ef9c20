import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

const NAV = [
  ["/", "dashboard"],
  ["/initiatives", "initiatives"],
  ["/search", "search"],
  ["/countries", "countries"],
  ["/targets", "targets"],
  ["/changes", "changes"],
  ["/sources", "sources"],
  ["/api-docs", "api"],
] as const;

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations("nav");
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-slate-900 hover:text-blue-900">
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="flex flex-wrap items-center gap-4">
          <NavLinks items={NAV.map(([href, key]) => ({ href, label: t(key) }))} />
          <UserMenu locale={locale} />
          <Suspense fallback={null}>
            <LanguageSwitch label={t("switchTo")} ariaLabel={t("switchToLabel")} />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
