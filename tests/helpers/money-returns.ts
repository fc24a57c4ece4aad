import type { LightMyRequestResponse } from 'fastify';
import type { Visitor } from './visitor.js';

// Cancel or refund as staff do it (docs/back-office.md "Cancel or refund"): the return form leads to a
// confirmation page, «Вернуть … клиенту …? Это нельзя отменить», and only its «Да» moves money.

const decode = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The fields the confirmation page sends back, read from its hidden inputs as a browser would send them. */
export function confirmationFields(page: string): Record<string, string> {
  return Object.fromEntries([...page.matchAll(/<input type="hidden" name="(kind|amount|reason|work_done)" value="([^"]*)"\/?>/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

/**
 * Sends the return form (with the CSRF token of `from` when given) and, when it leads to the
 * confirmation page (200), presses «Да» there. `asked` is that page (or the form's own answer when it
 * was refused), `done` the answer to «Да» (null when there was nothing to confirm).
 */
export async function returnMoney(
  browser: Visitor,
  url: string,
  fields: Record<string, string>,
  from?: string,
): Promise<{ asked: LightMyRequestResponse; done: LightMyRequestResponse | null }> {
  const asked = await browser.post(url, fields, from);
  if (asked.statusCode !== 200 || !asked.body.includes('name="step" value="confirm"')) return { asked, done: null };
  const done = await browser.post(url, { ...confirmationFields(asked.body), step: 'confirm' });
  return { asked, done };
}
