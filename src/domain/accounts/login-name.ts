// Generated logins are readable: the client's name in Latin letters plus a random number, e.g.
// "anna.smirnova.4821". The number comes from the caller (randomness is not pure); uniqueness is the
// database's job (a clash → try another number).

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** "Анна-Мария Смирнова" → "anna-mariya.smirnova" (at most 24 characters; "client" when nothing is left). */
export function loginBase(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
  const words = latin
    .split(/\s+/)
    .map((word) => word.replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  const base = words.slice(0, 2).join('.').slice(0, 24).replace(/[.-]+$/, '');
  return base || 'client';
}

export function generatedLogin(name: string, number: number): string {
  return `${loginBase(name)}.${number}`;
}
