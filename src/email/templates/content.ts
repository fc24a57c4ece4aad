/** A rendered email: what the outbox stores and the mailer sends. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

/** Subjects are one line whatever the data: a line break there would end the header. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
