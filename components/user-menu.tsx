import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { SignInLink } from "./sign-in-link";
import { signOutAction } from "@/app/actions/auth-actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";

const LINK = "font-medium text-blue-800 underline-offset-4 hover:underline";

export async function UserMenu({ locale }: { locale: string }) {
  const [t, user] = await Promise.all([getTranslations("auth"), getCurrentUser()]);
  if (!user) {
    return (
      <Suspense
        fallback={
          <Link href="/sign-in" className={LINK}>
            {t("signIn")}
          </Link>
        }
      >
        <SignInLink label={t("signIn")} className={LINK} />
      </Suspense>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href="/editor" className={LINK}>
        {t("editorHome")}
      </Link>
      {hasPermission(user, "users:manage") && (
        <Link href="/admin" className={LINK}>
          {t("adminHome")}
        </Link>
      )}
      <span className="text-sm text-slate-700" data-testid="signed-in-as">
        {t("signedInAs", { name: user.displayName })}
      </span>
      <form action={signOutAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
