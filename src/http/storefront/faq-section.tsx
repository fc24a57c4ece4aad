import type { FaqEntry } from '../../db/queries/storefront.js';
import { RichText } from './rich-text.js';

/** The questions admins keep in /admin/faq; nothing at all while there are none. */
export function FaqSection({ entries }: { entries: FaqEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="faq" aria-labelledby="faq-title">
      <h2 id="faq-title">Вопросы и ответы</h2>
      {entries.map((entry) => (
        <details>
          <summary>{entry.question}</summary>
          <div class="faq-answer">
            <RichText source={entry.answer} />
          </div>
        </details>
      ))}
    </section>
  );
}
