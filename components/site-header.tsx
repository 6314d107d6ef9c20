import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations("nav");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold text-slate-900 hover:text-blue-900">
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="flex flex-wrap items-center gap-4">
          <ul className="flex gap-4">
            <li>
              <Link href="/" className="font-medium text-blue-800 underline-offset-4 hover:underline">
                {t("dashboard")}
              </Link>
            </li>
            <li>
              <Link href="/initiatives" className="font-medium text-blue-800 underline-offset-4 hover:underline">
                {t("initiatives")}
              </Link>
            </li>
          </ul>
          <UserMenu locale={locale} />
          <Suspense fallback={null}>
            <LanguageSwitch label={t("switchTo")} ariaLabel={t("switchToLabel")} />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
