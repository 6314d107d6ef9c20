import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** The readers' other pages (kept out of the header, which must stay short on phones), then the note. */
const MORE = [
  ["/themes", "themes"],
  ["/compare", "compare"],
  ["/scorecards", "scorecards"],
] as const;

export async function SiteFooter() {
  const [t, tNav] = await Promise.all([getTranslations("footer"), getTranslations("nav")]);
  return (
    <footer className="border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-4 sm:px-6">
        <nav aria-label={tNav("more")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {MORE.map(([href, key]) => (
              <li key={href}>
                <Link href={href} className="font-medium text-blue-800 underline-offset-4 hover:underline">
                  {tNav(key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="text-sm text-slate-700">{t("note")}</p>
      </div>
    </footer>
  );
}
