const links = [
  { href: '/account', label: 'Заказы' },
  { href: '/account/profile', label: 'Профиль' },
  { href: '/account/password/change', label: 'Пароль' },
  { href: '/account/sessions', label: 'Сеансы' },
];

/** The personal account's own menu, with "log out" as a POST (a link could be triggered by other sites). */
export function AccountNav({ current, csrfToken }: { current: string; csrfToken: string }) {
  return (
    <nav class="account-nav" aria-label="Личный кабинет">
      {links.map((link) => (
        <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
          {link.label}
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
