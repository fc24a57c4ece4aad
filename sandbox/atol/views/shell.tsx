import type { ComponentChildren } from 'preact';

/** Frame of every page: the sandbox banner first, so nobody mistakes these for real receipts. */
export function Shell({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} — АТОЛ Онлайн (песочница)`}</title>
        <link rel="stylesheet" href="/sandbox.css" />
      </head>
      <body>
        <p class="banner" role="note">
          Тестовая касса АТОЛ Онлайн — чеки не фискальные и в ФНС не передаются
        </p>
        <div class="wrap">
          <main>{children}</main>
        </div>
      </body>
    </html>
  );
}
