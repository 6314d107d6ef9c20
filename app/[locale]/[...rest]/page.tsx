import { notFound } from "next/navigation";

// Any address inside a locale that no page matches renders the localized 404.
export default function CatchAll() {
  notFound();
}
