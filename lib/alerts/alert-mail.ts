import "server-only";
// use-intl/core: the translator without React, so `npm run alerts:send` can load it outside Next.
import { createFormatter, createTranslator } from "use-intl/core";
import type { AlertFrequency } from "../generated/prisma/enums";
import { localePath } from "../i18n/locale-path";
import { loadMessages } from "../i18n/load-messages";
import type { Locale } from "../i18n/routing";
import { parseFieldPath } from "../history/field-changes";
import type { HistoryItem } from "../history/list-history";
import type { OutgoingMail } from "./mailer";

/** A change a digest reports: a few fields of the shared history item. */
export type DigestEntry = Pick<
  HistoryItem,
  "id" | "kind" | "fromStatus" | "toStatus" | "fromStage" | "toStage" | "changes" | "note" | "recordedAt" | "initiative"
>;

interface Recipient {
  locale: Locale;
  email: string;
  token: string;
  targetName: string;
  frequency: AlertFrequency;
  /** PUBLIC_URL, without a trailing slash. */
  base: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A page's absolute address in the recipient's language (Russian has no prefix). */
export function pageUrl(base: string, locale: Locale, path: string): string {
  return `${base}${localePath(locale, path)}`;
}

export function manageUrl(r: Pick<Recipient, "base" | "locale" | "token">): string {
  return pageUrl(r.base, r.locale, `/alerts/${r.token}`);
}

export function unsubscribeUrl(r: Pick<Recipient, "base" | "locale" | "token">): string {
  return pageUrl(r.base, r.locale, `/alerts/${r.token}/unsubscribe`);
}

async function translator(locale: Locale) {
  const messages = await loadMessages(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "alertMail" }) as (key: string, values?: Record<string, string | number>) => string,
    tAll: createTranslator({ locale, messages }) as (key: string, values?: Record<string, string | number>) => string,
    hasKey: (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages) !== undefined,
    format: createFormatter({ locale, timeZone: "UTC" }),
  };
}

/** Plain text and HTML from the same paragraphs; every message ends with how to stop it (or why it was sent). */
export interface Paragraph {
  text: string;
  link?: { href: string; label: string };
}

export function assemble(
  r: Pick<Recipient, "locale" | "email">,
  subject: string,
  paragraphs: Paragraph[],
  footer: string[],
  headers?: Record<string, string>,
): OutgoingMail {
  const text = [...paragraphs.map((p) => (p.link ? `${p.text}\n${p.link.label}: ${p.link.href}` : p.text)), "--", ...footer].join("\n\n");
  const html = [
    `<!doctype html><html lang="${r.locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    ...paragraphs.map(
      (p) => `<p>${escapeHtml(p.text).replace(/\n/g, "<br>")}${p.link ? `<br><a href="${escapeHtml(p.link.href)}">${escapeHtml(p.link.label)}</a>` : ""}</p>`,
    ),
    `<hr>`,
    ...footer.map((line) => `<p style="font-size:90%">${escapeHtml(line).replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`),
    `</body></html>`,
  ].join("\n");
  return { to: r.email, subject, text, html, headers };
}

export async function confirmationMail(r: Recipient): Promise<OutgoingMail> {
  const { t } = await translator(r.locale);
  return assemble(
    r,
    t("confirmSubject", { target: r.targetName }),
    [
      { text: t("confirmIntro", { target: r.targetName, frequency: t(`frequency.${r.frequency}`) }) },
      { text: t("confirmLink"), link: { href: manageUrl(r), label: t("confirmButton") } },
      { text: t("confirmIgnore") },
    ],
    [t("whySent", { email: r.email })],
  );
}

export async function alreadySubscribedMail(r: Recipient): Promise<OutgoingMail> {
  const { t } = await translator(r.locale);
  return assemble(
    r,
    t("alreadySubject", { target: r.targetName }),
    [{ text: t("alreadyIntro", { target: r.targetName }), link: { href: manageUrl(r), label: t("manageButton") } }],
    [t("unsubscribeLine", { url: unsubscribeUrl(r) })],
    oneClickHeaders(r),
  );
}

/** RFC 8058: mail programs show their own unsubscribe button, which POSTs to this address. */
function oneClickHeaders(r: Recipient): Record<string, string> {
  return {
    "List-Unsubscribe": `<${r.base}/api/alerts/unsubscribe?token=${r.token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

export async function digestMail(r: Recipient, entries: DigestEntry[]): Promise<OutgoingMail> {
  const { t, tAll, hasKey, format } = await translator(r.locale);
  const label = (field: string) => {
    const path = parseFieldPath(field);
    if (path.kind === "country") return tAll(`history.fields.country.${path.part}`, { country: path.code });
    if (path.kind === "metric") return tAll(`history.fields.metric.${path.part}`, { metric: path.slug });
    return hasKey(`history.fields.${field}`) ? tAll(`history.fields.${field}`) : field;
  };
  const paragraphs = entries.map((entry) => {
    const lines = [
      `${r.locale === "ru" ? entry.initiative.titleRu : entry.initiative.titleEn}`,
      `${tAll(`history.kind.${entry.kind}`)} · ${format.dateTime(entry.recordedAt, { dateStyle: "long" })}`,
    ];
    if (entry.toStatus && entry.toStatus !== entry.fromStatus)
      lines.push(`${tAll("history.status")}: ${entry.fromStatus ? `${tAll(`status.${entry.fromStatus}`)} → ` : ""}${tAll(`status.${entry.toStatus}`)}`);
    if (entry.toStage !== entry.fromStage && (entry.toStage || entry.fromStage))
      lines.push(
        `${tAll("history.stage")}: ${entry.fromStage ? tAll(`stage.${entry.fromStage}`) : "—"} → ${entry.toStage ? tAll(`stage.${entry.toStage}`) : "—"}`,
      );
    if (entry.changes.length) lines.push(`${tAll("history.changes")}: ${entry.changes.map((change) => label(change.field)).join(", ")}`);
    lines.push(`${tAll("history.note")}: ${entry.note}`);
    return {
      text: lines.join("\n"),
      link: { href: pageUrl(r.base, r.locale, `/initiatives/${entry.initiative.slug}#entry-${entry.id}`), label: t("openEntry") },
    };
  });
  return assemble(
    r,
    t("digestSubject", { target: r.targetName, count: entries.length }),
    [{ text: t("digestIntro", { target: r.targetName, count: entries.length }) }, ...paragraphs],
    [t("manageLine", { url: manageUrl(r) }), t("unsubscribeLine", { url: unsubscribeUrl(r) })],
    oneClickHeaders(r),
  );
}
