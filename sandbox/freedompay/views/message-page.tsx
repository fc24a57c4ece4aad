import type { BrowserReturn } from '../browser-return.js';
import { Shell } from './shell.js';

interface Props {
  title: string;
  tone: 'ok' | 'alert' | 'info';
  lines: string[];
  /** Where the payer can go back to the shop, if the merchant gave a URL. */
  back?: BrowserReturn;
}

/** Result and dead-end screens: paid, declined, link expired, payment not found, bad request. */
export function MessagePage({ title, tone, lines, back }: Props) {
  return (
    <Shell title={title}>
      <section class="card" aria-labelledby="msg-title">
        <h1 id="msg-title">{title}</h1>
        <div class={tone === 'info' ? undefined : tone === 'ok' ? 'alert ok' : 'alert'} role={tone === 'alert' ? 'alert' : 'status'}>
          {lines.map((line) => (
            <p>{line}</p>
          ))}
        </div>
        {back ? <BackToShop back={back} /> : null}
      </section>
    </Shell>
  );
}

/**
 * The return to the shop. GET returns are a link (the normal path is a 303 straight there); POST
 * returns are a form the payer submits — without JavaScript it cannot submit itself.
 */
export function BackToShop({ back }: { back: BrowserReturn }) {
  if (back.method === 'GET') {
    return (
      <a class="button" href={back.url}>
        Вернуться в магазин
      </a>
    );
  }
  return (
    <form method="post" action={back.url}>
      {back.fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit">Вернуться в магазин</button>
    </form>
  );
}
