import { isWebhookEventType, type WebhookEventType } from './webhook-events.js';

// The endpoint form of /admin/webhooks. The URL rules keep the signing secret and our customers'
// data on encrypted connections: https only in production; plain http only to this machine
// (loopback) in development and tests, where the receiver is a local script.

export interface EndpointValues {
  name: string;
  url: string;
  events: string[];
}
export type EndpointField = 'name' | 'url' | 'events';
export type EndpointCheck = { ok: true; value: { name: string; url: string; events: WebhookEventType[] } } | { ok: false; values: EndpointValues; errors: Partial<Record<EndpointField, string>> };

const NAME_MAX = 100;
const URL_MAX = 2000;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** Why the address cannot receive webhooks, or null. */
export function webhookUrlProblem(input: string, options: { production: boolean }): string | null {
  if (input === '') return 'Укажите адрес, например https://crm.example.ru/hooks/uslugi.';
  if (input.length > URL_MAX) return `Не длиннее ${URL_MAX} символов.`;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return 'Это не адрес. Нужен полный адрес, начиная с https://.';
  }
  // Credentials in the URL would be shown on every page and written to every log line about it.
  if (url.username || url.password) return 'Логин и пароль в адресе не допускаются: запросы подписываются секретом.';
  if (url.hash) return 'Адрес не должен содержать часть после «#».';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'Адрес должен начинаться с https://.';
  if (options.production) return 'Только https://: по незашифрованному соединению данные клиентов не отправляются.';
  return loopbackHosts.has(url.hostname) ? null : 'http:// допускается только для этого компьютера (localhost, 127.0.0.1); иначе — https://.';
}

export function checkEndpointForm(body: Record<string, unknown>, options: { production: boolean }): EndpointCheck {
  const values: EndpointValues = { name: text(body.name), url: text(body.url), events: list(body.events) };
  const errors: Partial<Record<EndpointField, string>> = {};
  if (values.name === '') errors.name = 'Назовите получателя, например «Битрикс24».';
  else if (values.name.length > NAME_MAX) errors.name = `Не длиннее ${NAME_MAX} символов.`;
  const urlProblem = webhookUrlProblem(values.url, options);
  if (urlProblem) errors.url = urlProblem;
  const events = [...new Set(values.events.filter(isWebhookEventType))];
  if (events.length === 0 || events.length !== new Set(values.events).size) errors.events = 'Выберите хотя бы одно событие.';
  if (errors.name || errors.url || errors.events) return { ok: false, values, errors };
  return { ok: true, value: { name: values.name, url: new URL(values.url).toString(), events } };
}
