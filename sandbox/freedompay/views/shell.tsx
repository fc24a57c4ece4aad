import type { ComponentChildren } from 'preact';

/** Frame of every hosted-page screen: the sandbox banner first, so nobody mistakes it for a real bank. */
export function Shell({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} — Freedom Pay (песочница)`}</title>
        <link rel="stylesheet" href="/pay/sandbox.css" />
      </head>
      <body>
        <p class="banner" role="note">
          Тестовая платёжная страница — деньги не списываются
        </p>
        <div class="wrap">
          <p class="brand">
            Freedom Pay <span>sandbox</span>
          </p>
          <main>{children}</main>
        </div>
      </body>
    </html>
  );
}
