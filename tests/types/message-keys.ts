import type { useTranslations } from "next-intl";

/**
 * Checked by tsc, never run: message keys are typed from the messages (lib/i18n/app-config.d.ts),
 * so a key the messages lack does not compile. Should the typing go, the expected errors vanish
 * and tsc fails on the unused directives.
 */
export function messageKeysAreChecked(tErrors: ReturnType<typeof useTranslations<"errors">>, tBulk: ReturnType<typeof useTranslations<"bulkImport">>) {
  tErrors("invalid");
  tBulk("outcome.refused");
  // @ts-expect-error -- no such key in the errors namespace
  tErrors("noSuchError");
  // @ts-expect-error -- an import outcome the messages do not name
  tBulk("outcome.noSuchOutcome");
}
