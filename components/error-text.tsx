"use client";

import { createContext, useContext, type ReactNode } from "react";

export type ErrorText = { title: string; body: string; reference: string; retry: string; home: string };

const ErrorTextContext = createContext<ErrorText | null>(null);

/**
 * The error page's five strings, given by the layout: the error boundary is part of every page's
 * script, and next-intl's client provider for them alone cost every page 14 KB (decision 047).
 */
export function ErrorTextProvider({ text, children }: { text: ErrorText; children: ReactNode }) {
  return <ErrorTextContext value={text}>{children}</ErrorTextContext>;
}

export function useErrorText(): ErrorText {
  const text = useContext(ErrorTextContext);
  if (!text) throw new Error("useErrorText outside ErrorTextProvider");
  return text;
}
