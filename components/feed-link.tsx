import { getTranslations } from "next-intl/server";
import { feedPagePath, type FeedPageTarget } from "@/lib/feeds/feed-page";
import { Link } from "@/lib/i18n/navigation";

/** "Follow the history (Atom feed)": opens the page that explains the feed and gives its address. */
export async function FeedLink({ target, className = "text-sm text-blue-800 underline" }: { target: FeedPageTarget; className?: string }) {
  const t = await getTranslations("feedPage");
  return (
    <Link href={feedPagePath(target)} className={className}>
      {t("link")}
    </Link>
  );
}
