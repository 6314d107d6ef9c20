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
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 sm:gap-3 py-3 sm:px-6">
        <Link href="/" className="text-base font-bold text-slate-900 hover:text-blue-900 sm:text-lg">
          {t("brand")}
        </Link>
        {/* On phones the menu folds behind one line (app/globals.css, .fold-narrow): signed in, it would take a third of the screen. */}
        <details className="fold-narrow sm:flex-1 max-sm:open:basis-full">
          <summary className="cursor-pointer rounded border border-slate-300 px-2.5 py-1 font-medium text-blue-900">{t("menu")}</summary>
          <nav aria-label={t("main")} className="flex flex-wrap items-center gap-4 max-sm:mt-3 max-sm:flex-col max-sm:items-start sm:justify-end">
            <NavLinks items={NAV.map(([href, key]) => ({ href, label: t(key) }))} />
            <UserMenu locale={locale} />
            <Suspense fallback={null}>
              <LanguageSwitch label={t("switchTo")} hint={t("switchToLabel")} />
            </Suspense>
          </nav>
        </details>
      </div>
    </header>
  );
}
