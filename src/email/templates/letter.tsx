import type { Company } from '../../company.js';
import type { EmailContent } from './content.js';
import { emailStyles as s, LinkButton, renderEmail } from './layout.js';

/** One part of a plain letter: a paragraph, an emphasised paragraph, or the main link as a button. */
export type LetterBlock = string | { strong: string } | { href: string; label: string };

export interface Letter {
  subject: string;
  heading: string;
  customerName: string;
  blocks: LetterBlock[];
}

/**
 * Most account emails are a greeting, a few paragraphs and one link. Both versions come from the same
 * list, so the HTML and the plain text cannot say different things.
 */
export function renderLetter({ subject, heading, customerName, blocks }: Letter, company: Company): EmailContent {
  const greeting = `Здравствуйте, ${customerName}!`;
  const body = (
    <>
      <h1 style={s.heading}>{heading}</h1>
      <p style={s.paragraph}>{greeting}</p>
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
    </>
  );
  const lines = blocks.map((block) => (typeof block === 'string' ? block : 'strong' in block ? block.strong : `${block.label}: ${block.href}`));
  return renderEmail({ subject, company, body, text: [greeting, ...lines].join('\n\n') });
}
