import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Header lines as sent, by lower-case name, e.g. "list-unsubscribe" → "<https://…>". */
  headers: Record<string, string>;
}

function rawHeaders(parsed: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    parsed.headerLines.map(({ key, line }) => [
      key,
      line
        .slice(line.indexOf(":") + 1)
        .replace(/\r?\n\s+/g, " ")
        .trim(),
    ]),
  );
}

export interface SmtpSink {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Waits until a message to `to` matching `match` has arrived, and returns it. */
  waitFor: (to: string, match?: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  /** Makes the server refuse (`true`) or accept every message. */
  refuse: (on: boolean) => void;
  close: () => Promise<void>;
}

/** A real SMTP server on a free local port that keeps every message it accepts, parsed. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (refusing) return callback(Object.assign(new Error("Mailbox unavailable (test)"), { responseCode: 550 }));
          const to = [parsed.to]
            .flat()
            .flatMap((address) => address?.value ?? [])
            .map((value) => value.address ?? "");
          messages.push({
            to: to.join(","),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers: rawHeaders(parsed),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    messages,
    refuse: (on) => {
      refusing = on;
    },
    waitFor: async (to, match = () => true, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((mail) => mail.to === to && match(mail));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`No message to ${to} within ${timeoutMs} ms (got ${messages.length}: ${messages.map((m) => `${m.to} «${m.subject}»`).join("; ")})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a text that matches the pattern. */
export function linkIn(text: string, pattern: RegExp): string {
  const found = text.match(/https?:\/\/\S+/g)?.find((url) => pattern.test(url));
  if (!found) throw new Error(`No link matching ${pattern} in:\n${text}`);
  return found;
}
