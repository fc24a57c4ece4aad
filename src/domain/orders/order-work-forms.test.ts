import { describe, expect, it } from 'vitest';
import { checkContact, checkSpecification, checkWorkEntry } from './order-work-forms.js';

const msk = (local: string) => new Date(`${local}+03:00`);
const context = { now: msk('2026-11-24T12:00'), paidAt: msk('2026-11-24T10:15:30') };

describe('checkContact', () => {
  const valid = { channel: 'phone', outcome: 'reached', note: '  Договорились о созвоне  ', contacted_at: '2026-11-24T10:40' };

  it('reads the Moscow time and trims the note', () => {
    expect(checkContact(valid, context)).toEqual({
      ok: true,
      value: { channel: 'phone', outcome: 'reached', note: 'Договорились о созвоне', contactedAt: msk('2026-11-24T10:40') },
    });
  });

  it('accepts the minute of the payment itself', () => {
    expect(checkContact({ ...valid, contacted_at: '2026-11-24T10:15' }, context).ok).toBe(true);
  });

  it.each([
    [{ channel: 'pigeon' }, 'channel', 'Выберите, как вы связывались с клиентом.'],
    [{ outcome: undefined }, 'outcome', 'Выберите, чем закончился контакт.'],
    [{ note: 'x'.repeat(2001) }, 'note', 'Заметка слишком длинная: не больше 2000 символов.'],
    [{ contacted_at: '' }, 'contacted_at', 'Укажите дату и время контакта.'],
    [{ contacted_at: '24.11.2026 10:40' }, 'contacted_at', 'Проверьте дату и время: например, 24.11.2026 10:15.'],
    [{ contacted_at: '2026-02-30T10:00' }, 'contacted_at', 'Проверьте дату и время: например, 24.11.2026 10:15.'],
    [{ contacted_at: '2026-11-24T12:10' }, 'contacted_at', 'Время контакта не может быть в будущем.'],
    [{ contacted_at: '2026-11-24T10:14' }, 'contacted_at', 'Контакт не может быть раньше оплаты заказа (24.11.2026 10:15 мск).'],
  ])('refuses %o', (change, field, message) => {
    const result = checkContact({ ...valid, ...change }, context);
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });
});

describe('checkSpecification', () => {
  it('keeps the text (normalised line ends) and the hours in minutes', () => {
    expect(checkSpecification({ text: ' Настроить сайт\r\n- резервные копии ', hours: '7,5' })).toEqual({
      ok: true,
      value: { text: 'Настроить сайт\n- резервные копии', agreedMinutes: 450 },
    });
    expect(checkSpecification({ text: 'Только консультация', hours: '0' })).toEqual({ ok: true, value: { text: 'Только консультация', agreedMinutes: 0 } });
  });

  it('needs the text and quarter hours', () => {
    expect(checkSpecification({ text: '  ', hours: '1,1' })).toEqual({
      ok: false,
      errors: {
        text: 'Опишите согласованную работу: что будет сделано и в какие сроки.',
        hours: 'Часы указываются с точностью до четверти часа: 0,25, 0,5 или 0,75.',
      },
    });
    expect(checkSpecification({ text: 'a', hours: '-2' })).toEqual({ ok: false, errors: { hours: 'Введите число часов, например 1,5 или 2.' } });
  });
});

describe('checkWorkEntry', () => {
  it('takes a date between the payment and today (Moscow) and positive hours', () => {
    expect(checkWorkEntry({ work_date: '2026-11-24', hours: '1,5', note: 'Обновление' }, context)).toEqual({
      ok: true,
      value: { workDate: '2026-11-24', minutes: 90, note: 'Обновление' },
    });
  });

  it.each([
    [{ work_date: '2026-11-25' }, 'work_date', 'Дата работы не может быть в будущем.'],
    [{ work_date: '2026-11-23' }, 'work_date', 'Дата работы не может быть раньше оплаты заказа.'],
    [{ work_date: '2026-13-01' }, 'work_date', 'Проверьте дату: например, 24.11.2026.'],
    [{ work_date: '' }, 'work_date', 'Укажите дату работы.'],
    [{ hours: '0' }, 'hours', 'Укажите больше нуля часов.'],
    [{ hours: '25' }, 'hours', 'Не больше 24 ч в одной записи.'],
  ])('refuses %o', (change, field, message) => {
    expect(checkWorkEntry({ work_date: '2026-11-24', hours: '2', ...change }, context)).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('counts "today" in Moscow: 00:30 on the 25th is already the 25th', () => {
    const late = { now: msk('2026-11-25T00:30'), paidAt: context.paidAt };
    expect(checkWorkEntry({ work_date: '2026-11-25', hours: '1' }, late).ok).toBe(true);
  });
});
