import "server-only";
import nodemailer from "nodemailer";

export type MailTransport = {
  send(message: { to: string; from: string; subject: string; text: string; html: string }): Promise<void>;
};

/** SMTP through nodemailer, configured by one URL (smtp://user:pass@host:587 or smtps://…). */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}
