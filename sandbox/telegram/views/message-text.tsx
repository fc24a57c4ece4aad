import type { ComponentChildren } from 'preact';
import type { MessageEntity } from '../types.js';

/**
 * A message as a Telegram app shows it: the plain text with its entities as formatting. Built from
 * text + entities (never from the HTML the bot sent), so whatever the bot wrote is escaped by
 * preact and only the formatting the API recognised appears.
 */
export function MessageText({ text, entities }: { text: string; entities: MessageEntity[] }) {
  const sorted = [...entities].filter((entity) => entity.length > 0).sort((a, b) => a.offset - b.offset || b.length - a.length);
  return <>{render(text, 0, text.length, sorted)}</>;
}

function render(text: string, start: number, end: number, entities: MessageEntity[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let position = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index]!;
    const entityEnd = entity.offset + entity.length;
    // Overlapping instead of nested: the API would not produce it; show the text without it.
    if (entity.offset < position || entityEnd > end) {
      index++;
      continue;
    }
    const inner: MessageEntity[] = [];
    index++;
    while (index < entities.length && entities[index]!.offset < entityEnd) inner.push(entities[index++]!);
    if (entity.offset > position) out.push(text.slice(position, entity.offset));
    out.push(wrap(entity, render(text, entity.offset, entityEnd, inner)));
    position = entityEnd;
  }
  if (position < end) out.push(text.slice(position, end));
  return out;
}

function wrap(entity: MessageEntity, children: ComponentChildren) {
  switch (entity.type) {
    case 'bold':
      return <b>{children}</b>;
    case 'italic':
      return <i>{children}</i>;
    case 'underline':
      return <u>{children}</u>;
    case 'strikethrough':
      return <s>{children}</s>;
    case 'spoiler':
      return <span class="spoiler">{children}</span>;
    case 'code':
      return <code>{children}</code>;
    case 'pre':
      return (
        <pre>
          <code>{children}</code>
        </pre>
      );
    case 'blockquote':
    case 'expandable_blockquote':
      return <blockquote>{children}</blockquote>;
    case 'bot_command':
      return <span class="command">{children}</span>;
    case 'text_link':
      // Entities given explicitly by the bot may carry any URL; only web links become links here.
      return entity.url && /^https?:\/\//i.test(entity.url) ? (
        <a href={entity.url} rel="noopener noreferrer nofollow" target="_blank" title={entity.url}>
          {children}
        </a>
      ) : (
        <span class="link" title={entity.url}>
          {children}
        </span>
      );
    default:
      return <>{children}</>;
  }
}
