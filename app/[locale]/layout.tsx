import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ErrorTextProvider } from "@/components/error-text";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    // Absolute URLs for Open Graph images and links, from the address readers use.
    metadataBase: new URL(getEnv().PUBLIC_URL),
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
    openGraph: { siteName: t("title"), type: "website", locale: locale === "en" ? "en_US" : "ru_RU", title: t("title"), description: t("description") },
    twitter: { card: "summary", title: t("title"), description: t("description") },
    alternates: { types: { "application/atom+xml": `/feeds/history.atom?lang=${locale}` } },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, tError] = await Promise.all([getTranslations("nav"), getTranslations("errorPage")]);
  const requestHeaders = await headers();
  const requestId = requestHeaders.get("x-request-id");
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  return (
    <html lang={locale}>
      <head>
        {requestId && <meta name="request-id" content={requestId} />}
        {/* Before any chunk runs: zod must never probe `new Function` (a CSP violation), whichever of
            its schemas a page's chunks happen to build first (lib/forms/zod-config.ts does the same on the server). */}
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true})" }}
        />
      </head>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-900"
        >
          {t("skip")}
        </a>
        <ErrorTextProvider
          text={{ title: tError("title"), body: tError("body"), reference: tError("reference"), retry: tError("retry"), home: tError("home") }}
        >
          <SiteHeader locale={locale} />
          <main id="content" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </ErrorTextProvider>
      </body>
    </html>
  );
}
