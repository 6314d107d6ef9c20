"use client";

import { NextIntlClientProvider, type AbstractIntlMessages, type Locale } from "next-intl";
import type { ComponentType } from "react";

/**
 * A form with the strings it translates, as DeferredUntilUsed loads it: the provider comes with the
 * form's own script, so a reader's page start-up carries neither.
 */
export function withMessages<P extends { locale: string }>(Form: ComponentType<P>) {
  return function FormWithMessages({ messages, ...props }: P & { messages: AbstractIntlMessages }) {
    return (
      <NextIntlClientProvider locale={props.locale as Locale} messages={messages} timeZone="UTC">
        <Form {...(props as unknown as P)} />
      </NextIntlClientProvider>
    );
  };
}
