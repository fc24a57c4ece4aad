import type { Company } from '../../domain/content/company-details.js';
import { defaultWording, fillWording, type ClientEmailType, type EmailWording, type EmailWordings } from '../../domain/content/email-wording.js';

/** Who an email comes from: the company's current details and the owner's wording (deps.content.current()). */
export interface EmailSender {
  company: Company;
  emails: EmailWordings;
}

/** The wording of one email, filled in: greeting, own paragraph and sign-off (the last two may be empty). */
export interface FilledWording {
  greeting: string;
  paragraph: string;
  /** Lines of the sign-off. */
  signOff: string[];
}

/**
 * A client email's wording as the owner set it; staff emails (no type) keep the plain greeting and
 * have no sign-off.
 */
export function wordingFor(sender: EmailSender, type: ClientEmailType | null, customerName: string): FilledWording {
  const wording: EmailWording = type ? sender.emails[type] : { ...defaultWording, signOff: '' };
  const fill = (text: string) => fillWording(text, { name: customerName, company: sender.company.name });
  return { greeting: fill(wording.greeting), paragraph: fill(wording.paragraph), signOff: wording.signOff ? fill(wording.signOff).split('\n') : [] };
}
