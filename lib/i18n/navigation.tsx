import { createNavigation } from "next-intl/navigation";
import type { ComponentProps } from "react";
import { routing } from "./routing";

const navigation = createNavigation(routing);

export const { redirect, permanentRedirect, usePathname, useRouter, getPathname } = navigation;

/**
 * next-intl's Link without prefetching: every page is rendered per request (its CSP nonce), so a
 * prefetch fetches only the layout's shell, and a page's dozens of links made as many requests
 * whose answers the phone had to parse while loading (Lighthouse's total blocking time, decision 042).
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof navigation.Link>) {
  return <navigation.Link prefetch={prefetch} {...props} />;
}
