import { describe, expect, it } from 'vitest';
import { checkWording, defaultWording, fillWording, wordingsWith } from './email-wording.js';

describe('email wording', () => {
  it('fills in the client’s and the company’s names', () => {
    expect(fillWording('Добрый день, {имя}! Пишет {компания}.', { name: 'Иван', company: 'ООО «Ромашка»' })).toBe('Добрый день, Иван! Пишет ООО «Ромашка».');
  });

  it('uses the defaults for the types nobody edited', () => {
    const custom = { greeting: 'Привет, {имя}!', signOff: '', paragraph: '' };
    const all = wordingsWith({ order_paid: custom });
    expect(all.order_paid).toEqual(custom);
    expect(all.refund_made).toEqual(defaultWording);
  });

  it('tidies what was typed and explains what is wrong, in Russian', () => {
    expect(checkWording({ greeting: '  Добрый   день, {имя}! ', signOff: 'С уважением,\r\n  {компания}  ', paragraph: '' })).toEqual({
      ok: true,
      wording: { greeting: 'Добрый день, {имя}!', signOff: 'С уважением,\n{компания}', paragraph: '' },
    });
    expect(checkWording({ greeting: ' ', signOff: '', paragraph: '' })).toEqual({ ok: false, errors: { greeting: 'Укажите приветствие, например «Здравствуйте, {имя}!».' } });
    expect(checkWording({ greeting: 'Здравствуйте, {клиент}!', signOff: 'a\nb\nc\nd\ne', paragraph: 'x'.repeat(1001) })).toEqual({
      ok: false,
      errors: {
        greeting: 'Неизвестная подстановка {клиент}: доступны {имя} и {компания}.',
        sign_off: 'Подпись — не больше 4 строк.',
        paragraph: 'Дополнительный абзац — не длиннее 1000 символов.',
      },
    });
  });
});
