import type { ClientEmailType } from '../../domain/content/email-wording.js';
import type { EmailContent } from './content.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';
import { wordingFor, type EmailSender, type FilledWording } from './sender.js';

/** One part of a plain letter: a paragraph, an emphasised paragraph, or the main link as a button. */
export type LetterBlock = string | { strong: string } | { href: string; label: string };

export interface Letter {
  /** A client email whose greeting, sign-off and own paragraph the owner words; none for staff emails. */
  type?: ClientEmailType;
  subject: string;
  heading: string;
  customerName: string;
  blocks: LetterBlock[];
}

/** The owner's paragraph and sign-off, after the email's own content (HTML). */
export function WordingEnd({ wording }: { wording: FilledWording }) {
  return (
    <>
      {wording.paragraph && <p style={s.paragraph}>{wording.paragraph}</p>}
      {wording.signOff.length > 0 && (
        <p style={s.paragraph}>
          {wording.signOff.map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      )}
    </>
  );
}

/** The same for the plain text version: what follows the content, as lines. */
export function wordingEndText(wording: FilledWording): string[] {
  return [...(wording.paragraph ? ['', wording.paragraph] : []), ...(wording.signOff.length ? ['', ...wording.signOff] : [])];
}

/**
 * Most account emails are a greeting, a few paragraphs and one link. Both versions come from the same
 * list, so the HTML and the plain text cannot say different things.
 */
export function renderLetter({ type, subject, heading, customerName, blocks }: Letter, sender: EmailSender): EmailContent {
  const wording = wordingFor(sender, type ?? null, customerName);
  const body = (
    <>
      <h1 style={s.heading}>{heading}</h1>
      <p style={s.paragraph}>{wording.greeting}</p>
      {blocks.map((block) =>
        typeof block === 'string' ? (
          <p style={s.paragraph}>{block}</p>
        ) : 'strong' in block ? (
          <p style={s.paragraph}>
            <strong>{block.strong}</strong>
          </p>
        ) : (
          <LinkButton href={block.href} label={block.label} />
        ),
      )}
      <WordingEnd wording={wording} />
    </>
  );
  const lines = blocks.map((block) => (typeof block === 'string' ? block : 'strong' in block ? block.strong : `${block.label}: ${block.href}`));
  const text = [[wording.greeting, ...lines].join('\n\n'), ...wordingEndText(wording)].join('\n');
  return renderEmail({ subject, company: sender.company, body, text });
}
