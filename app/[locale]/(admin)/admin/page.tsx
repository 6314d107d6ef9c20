import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { ActiveForm, CreateUserForm, ReviewSettingForm, RoleForm } from "@/components/forms/admin-forms";
import { IssueResetForm } from "@/components/forms/password-forms";
import { userForPage } from "@/lib/auth/page-access";
import { prisma } from "@/lib/db/prisma";
import { isReviewRequired } from "@/lib/settings/settings";
import { listUsers } from "@/lib/users/manage-users";
import { Card } from "@/components/card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "admin" }))("title") };
}

export default async function AdminPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { user, allowed } = await userForPage("users:manage", locale);
  if (!allowed) return <ForbiddenNotice />;
  const [t, tMerge, tRoles, format, users, reviewRequired] = await Promise.all([
    getTranslations("admin"),
    getTranslations("merge"),
    getTranslations("userRole"),
    getFormatter(),
    listUsers(prisma),
    isReviewRequired(prisma),
  ]);
  return (
    <ClientMessages namespaces={FORM_NAMESPACES}>
      <div className="space-y-8">
        <h1 className="text-3xl font-bold">{t("title")}</h1>

        <Card id="users" title={t("usersTitle")}>
          <div className="mt-4 overflow-x-auto">
            <table className="stack-table w-full text-left">
              <thead className="text-sm text-slate-700">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t("displayName")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("email")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("role")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("state")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("since")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((account) => (
                  <tr key={account.id} className="border-t border-slate-100 align-top" data-email={account.email}>
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {account.displayName}
                    </th>
                    <td className="py-2 pr-3" data-label={t("email")}>
                      {account.email}
                    </td>
                    <td className="py-2 pr-3" data-label={t("role")}>
                      {account.id === user.id ? tRoles(account.role) : <RoleForm userId={account.id} role={account.role} email={account.email} />}
                    </td>
                    <td className="py-2 pr-3" data-label={t("state")}>
                      <span className="mr-2">{account.active ? t("active") : t("inactive")}</span>
                      {account.id !== user.id && <ActiveForm userId={account.id} active={account.active} email={account.email} />}
                      {account.active && <IssueResetForm userId={account.id} email={account.email} />}
                    </td>
                    <td className="py-2 text-sm" data-label={t("since")}>
                      {format.dateTime(account.createdAt, { dateStyle: "medium" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <CreateUserForm />
        </section>

        <Card id="review-setting" title={t("reviewTitle")}>
          <p className="mt-1 text-sm text-slate-700">{t("reviewIntro")}</p>
          <div className="mt-3">
            <ReviewSettingForm reviewRequired={reviewRequired} />
          </div>
        </Card>

        <p>
          <Link href="/admin/merge" className="font-medium text-blue-800 underline">
            {tMerge("adminLink")}
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}
