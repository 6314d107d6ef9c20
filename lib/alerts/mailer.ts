import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

const transports = new Map<string, Transporter>();

/** Whether e-mail is configured at all (SMTP_URL set); alerts are offered only then. */
export function mailEnabled(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/** Sends one message through SMTP_URL; throws when the server refuses or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { SMTP_URL, ALERTS_FROM } = getEnv();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set");
  let transport = transports.get(SMTP_URL);
  if (!transport) {
    // Short timeouts: a person waits for the confirmation mail to be handed over.
    transport = nodemailer.createTransport({ url: SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(SMTP_URL, transport);
  }
  await transport.sendMail({ from: ALERTS_FROM, ...mail });
}
