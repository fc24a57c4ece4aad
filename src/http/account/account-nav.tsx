const links = [
  { href: '/account', label: 'Заказы' },
  { href: '/account/profile', label: 'Профиль' },
  { href: '/account/password/change', label: 'Пароль' },
  { href: '/account/sessions', label: 'Сеансы' },
];

/** The personal account's own menu, with "log out" as a POST (a link could be triggered by other sites). */
export function AccountNav({ current, csrfToken, unread = 0 }: { current: string; csrfToken: string; unread?: number }) {
  return (
    <nav class="account-nav" aria-label="Личный кабинет">
      {links.map((link) => (
        <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
          {link.label}
          {link.href === '/account' && unread > 0 && (
            <>
              {' '}
              <span class="unread-badge" aria-label={unreadWords(unread)}>
                {unread}
              </span>
            </>
          )}
        </a>
      ))}
      <form method="post" action="/account/logout" class="inline-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="link-button">
          Выйти
        </button>
      </form>
    </nav>
  );
}

/** «1 новое сообщение», «3 новых сообщения», «5 новых сообщений». */
export function unreadWords(count: number): string {
  const tens = count % 100;
  const ones = count % 10;
  if (ones === 1 && tens !== 11) return `${count} новое сообщение`;
  if (ones >= 2 && ones <= 4 && (tens < 12 || tens > 14)) return `${count} новых сообщения`;
  return `${count} новых сообщений`;
}
