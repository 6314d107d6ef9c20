import type { Locale } from "./routing";
import type core from "./messages/en.json";
import type alerts from "./messages/en/alerts.json";
import type analysts from "./messages/en/analysts.json";
import type api from "./messages/en/api.json";
import type feeds from "./messages/en/feeds.json";
import type imports from "./messages/en/imports.json";
import type intake from "./messages/en/intake.json";
import type merging from "./messages/en/merging.json";
import type readers from "./messages/en/readers.json";
import type search from "./messages/en/search.json";
import type sharing from "./messages/en/sharing.json";

/** Every message as loadMessages merges them (English as the reference; a test keeps Russian's keys the same). */
type Messages = typeof core &
  typeof analysts &
  typeof feeds &
  typeof api &
  typeof intake &
  typeof alerts &
  typeof sharing &
  typeof readers &
  typeof merging &
  typeof imports &
  typeof search;

// next-intl's types for this app: a locale is one of ours, not any string, and a message key one
// the messages have (a wrong key is a type error).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
