import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-2xl py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">404</p>
      <h1 id="not-found-title" className="mt-2 text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
      <ul className="mt-6 flex flex-wrap gap-4">
        <li>
          <Link href="/" className="text-blue-800 underline hover:text-blue-950">
            {t("home")}
          </Link>
        </li>
        <li>
          <Link href="/initiatives" className="text-blue-800 underline hover:text-blue-950">
            {t("list")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
