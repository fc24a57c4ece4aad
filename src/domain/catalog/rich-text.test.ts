import { describe, expect, it } from 'vitest';
import { parseRichText } from './rich-text.js';

describe('parseRichText', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(parseRichText('Первый\nабзац.\n\nВторой.')).toEqual([
      { kind: 'paragraph', text: 'Первый абзац.' },
      { kind: 'paragraph', text: 'Второй.' },
    ]);
  });

  it('turns "- " lines into a list, keeping the lead-in paragraph', () => {
    expect(parseRichText('Что входит:\n- дизайн\n- вёрстка\r\n\r\nСрок — 10 дней.')).toEqual([
      { kind: 'paragraph', text: 'Что входит:' },
      { kind: 'list', items: ['дизайн', 'вёрстка'] },
      { kind: 'paragraph', text: 'Срок — 10 дней.' },
    ]);
  });

  it('keeps markup-looking text as plain text', () => {
    expect(parseRichText('<b>жирный</b>')).toEqual([{ kind: 'paragraph', text: '<b>жирный</b>' }]);
  });

  it('returns nothing for blank input', () => {
    expect(parseRichText(' \n\n ')).toEqual([]);
  });
});
