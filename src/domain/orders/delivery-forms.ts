// The forms of delivering the work (docs/delivery.md): a result (file, link, text) and a message of the
// order's conversation. Messages in Russian, one per field, shown next to it.

export const NOTE_MAX = 2000;
export const MESSAGE_MAX = 4000;
export const URL_MAX = 2000;

export type ResultField = 'file' | 'url' | 'note';
export type MessageField = 'body' | 'file';

export interface ResultInput {
  url: string;
  note: string;
  /** A file came with the form (its own checks are delivery-file.ts's). */
  hasFile: boolean;
}

export type ResultCheck = { ok: true; url: string | null; note: string | null } | { ok: false; errors: Partial<Record<ResultField, string>> };

/** Line breaks as \n, trailing spaces of lines and blank lines at both ends dropped. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** An https address with a host and no user name or password in it; null when it is not one. */
export function httpsUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** A result needs at least one of a file, a link or a text; a link must be https. */
export function checkResult(input: ResultInput): ResultCheck {
  const errors: Partial<Record<ResultField, string>> = {};
  const rawUrl = input.url.trim();
  const note = tidyText(input.note);
  let url: string | null = null;
  if (rawUrl !== '') {
    url = httpsUrl(rawUrl);
    if (!url) errors.url = 'Укажите ссылку целиком, начиная с https:// (другие адреса не принимаются).';
    else if (url.length > URL_MAX) errors.url = `Ссылка длиннее ${URL_MAX} символов: сократите её.`;
  }
  if (note.length > NOTE_MAX) errors.note = `Текст не длиннее ${NOTE_MAX} символов (сейчас ${note.length}).`;
  if (!input.hasFile && rawUrl === '' && note.trim() === '') errors.file = 'Приложите файл, укажите ссылку или напишите текст результата.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, url, note: note.trim() === '' ? null : note };
}

export type MessageCheck = { ok: true; body: string } | { ok: false; errors: Partial<Record<MessageField, string>> };

/** A message is plain text, 1 to 4000 characters; an attachment does not replace the words. */
export function checkMessage(text: string): MessageCheck {
  const body = tidyText(text);
  if (body.trim() === '') return { ok: false, errors: { body: 'Напишите сообщение: пустое отправить нельзя.' } };
  if (body.length > MESSAGE_MAX) return { ok: false, errors: { body: `Сообщение не длиннее ${MESSAGE_MAX} символов (сейчас ${body.length}): разделите его на несколько.` } };
  return { ok: true, body };
}

/** The start of a message for an alert or a list: one line, at most `max` characters. */
export function excerpt(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Results and messages belong to an order past payment; before it there is nothing to deliver or discuss. */
export function deliveryRefusal(orderState: string): string | null {
  return orderState === 'awaiting_payment' ? 'Заказ ещё не оплачен: результаты и переписка появятся после оплаты.' : null;
}
