// Page links for long back-office lists: «← Назад · Страница 2 из 7 · Дальше →», keeping the filters.

/** The `page` query value as a page number from 1; anything else is page 1. */
export function pageParam(value: unknown): number {
  const page = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, page);
}

/** The list's address with these query values (empty ones left out). */
export function listHref(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function Pager({ path, query, page, total, pageSize }: { path: string; query: Record<string, string | undefined>; page: number; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav class="records-pager" aria-label="Страницы">
      {page > 1 ? <a href={listHref(path, { ...query, page: page - 1 })} rel="prev">← Назад</a> : <span aria-hidden="true">← Назад</span>}
      <span>
        Страница {Math.min(page, pages)} из {pages}
      </span>
      {page < pages ? <a href={listHref(path, { ...query, page: page + 1 })} rel="next">Дальше →</a> : <span aria-hidden="true">Дальше →</span>}
    </nav>
  );
}
