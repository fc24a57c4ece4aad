import { describe, expect, it } from 'vitest';
import { faqFormValues, parseFaqForm } from './faq-form.js';

describe('the FAQ form', () => {
  it('takes a question, an answer in light markup and an order', () => {
    expect(parseFaqForm({ question: '  Когда   позвонит менеджер? ', answer: 'В течение часа.\r\n\r\n- по будням', sort_order: '10' })).toEqual({
      ok: true,
      entry: { question: 'Когда позвонит менеджер?', answer: 'В течение часа.\n\n- по будням', sortOrder: 10 },
    });
    expect(parseFaqForm({ question: 'Вопрос?', answer: 'Ответ.', sort_order: '' })).toMatchObject({ ok: true, entry: { sortOrder: 0 } });
  });

  it('says what is wrong with each field', () => {
    const result = parseFaqForm({ question: ' ', answer: '', sort_order: '1,5' });
    expect(result).toEqual({
      ok: false,
      errors: {
        question: 'Напишите вопрос так, как его задал бы клиент.',
        answer: 'Напишите ответ.',
        sort_order: 'Целое число, например 10: чем меньше, тем выше вопрос в списке.',
      },
    });
    expect(parseFaqForm({ question: 'в'.repeat(301), answer: 'о'.repeat(5001), sort_order: '99999999' })).toEqual({
      ok: false,
      errors: { question: 'Не длиннее 300 символов (сейчас 301).', answer: 'Не длиннее 5000 символов (сейчас 5001).', sort_order: 'Целое число, например 10: чем меньше, тем выше вопрос в списке.' },
    });
  });

  it('keeps only the form’s string fields from a body', () => {
    expect(faqFormValues({ question: 'Да?', answer: ['a', 'b'], sort_order: 5, extra: 'x' })).toEqual({ question: 'Да?' });
  });
});
