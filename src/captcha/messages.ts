/** What a visitor reads when the "I am not a robot" check did not pass. */
export const captchaMessages = {
  missing: 'Подтвердите, что вы не робот: отметьте «Я не робот».',
  malformed: 'Проверка «Я не робот» не удалась. Пройдите её ещё раз.',
  wrong: 'Проверка «Я не робот» не удалась. Пройдите её ещё раз.',
  expired: 'Проверка «Я не робот» устарела. Пройдите её ещё раз.',
  replayed: 'Эта проверка уже использована. Пройдите её ещё раз.',
} as const;
