import { parseRichText, type Block } from '../catalog/rich-text.js';

// The legal texts are edited as plain text with a tiny markup, never HTML: blank lines separate
// paragraphs, «## » starts a heading, lines starting with «- » form a list. Placeholders in braces bring
// in the company's current details, so a new phone number needs no new version of the offer.

/** Inline placeholders and what they stand for (the admin page lists them). */
export const inlinePlaceholders = {
  '{название}': 'название компании',
  '{инн}': 'ИНН',
  '{огрн}': 'ОГРН или ОГРНИП',
  '{адрес}': 'адрес',
  '{телефон}': 'телефон',
  '{почта}': 'электронная почта',
  '{сайт}': 'адрес сайта',
  '{срок приёмки}': 'срок приёмки работы, «5 (пяти) рабочих дней» (настройка ACCEPTANCE_WORKING_DAYS)',
} as const;
export type InlinePlaceholder = keyof typeof inlinePlaceholders;

/** Placeholders that stand alone as a paragraph. */
export const blockPlaceholders = {
  '{реквизиты}': 'все реквизиты компании с банковскими',
  '{метрика}': 'абзац о Яндекс Метрике — только в политике и только когда счётчик включён',
} as const;
export type BlockPlaceholder = keyof typeof blockPlaceholders;

export type LegalBlock = Block | { kind: 'heading'; text: string } | { kind: 'placeholder'; name: BlockPlaceholder };

const LIMIT = 100_000;
const isBlockPlaceholder = (text: string): text is BlockPlaceholder => Object.hasOwn(blockPlaceholders, text);

export function parseLegalText(source: string): LegalBlock[] {
  const blocks: LegalBlock[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const [first = '', ...rest] = chunk.trim().split('\n');
    if (first.startsWith('## ')) {
      blocks.push({ kind: 'heading', text: first.slice(3).trim() });
      blocks.push(...parseRichText(rest.join('\n')));
    } else if (isBlockPlaceholder(chunk.trim())) {
      blocks.push({ kind: 'placeholder', name: chunk.trim() as BlockPlaceholder });
    } else {
      blocks.push(...parseRichText(chunk));
    }
  }
  return blocks;
}

/** What is wrong with a text an admin typed, in Russian; null when it is fine. */
export function checkLegalText(source: string, options: { metrikaBlockAllowed: boolean }): string | null {
  const text = source.trim();
  if (text.length < 200) return 'Текст слишком короткий для юридического документа: вставьте его целиком (не меньше 200 символов).';
  if (text.length > LIMIT) return `Текст слишком длинный: не больше ${LIMIT.toLocaleString('ru-RU')} символов.`;
  if (/<\/?[a-z][^>]*>/i.test(text)) return 'HTML-теги не нужны: абзацы разделяйте пустой строкой, заголовки начинайте с «## », пункты списка — с «- ».';
  const unknown = [...text.matchAll(/\{[^{}\n]*\}/g)].map(([token]) => token).find((token) => !Object.hasOwn(inlinePlaceholders, token) && !isBlockPlaceholder(token));
  if (unknown) return `Неизвестная подстановка ${unknown}. Доступны: ${[...Object.keys(inlinePlaceholders), ...Object.keys(blockPlaceholders)].join(', ')}.`;
  for (const name of Object.keys(blockPlaceholders)) {
    const standalone = parseLegalText(text).some((block) => block.kind === 'placeholder' && block.name === name);
    if (text.includes(name) && !standalone) return `Подстановка ${name} ставится отдельным абзацем: пустая строка до и после неё.`;
  }
  if (!options.metrikaBlockAllowed && text.includes('{метрика}')) return 'Подстановка {метрика} бывает только в политике обработки персональных данных.';
  return null;
}
