"use client";

import NextLink from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";
import { localePath, pathLocale } from "./locale-path";

/**
 * A link for client components: Next's own Link to the address in the page's language, without
 * prefetching (decision 042) and without next-intl's client (decision 047).
 */
export function ClientLink({ href, prefetch = false, ...props }: Omit<ComponentProps<typeof NextLink>, "href"> & { href: string }) {
  const locale = pathLocale(usePathname());
  return <NextLink href={localePath(locale, href)} prefetch={prefetch} {...props} />;
}
