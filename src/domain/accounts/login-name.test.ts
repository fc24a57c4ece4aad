import { describe, expect, it } from 'vitest';
import { generatedLogin, loginBase } from './login-name.js';

describe('generated logins', () => {
  it.each([
    ['Анна Смирнова', 'anna.smirnova'],
    ['Анна-Мария О’Нил', 'anna-mariya.onil'],
    ['Щукин Юрий Ёжиков', 'shchukin.yuriy'],
    ['John   Smith', 'john.smith'],
    ['Константинопольский Вольдемар', 'konstantinopolskiy.volde'],
    ['<script>', 'script'],
    ['李雷', 'client'],
  ])('%s → %s', (name, base) => {
    expect(loginBase(name)).toBe(base);
  });

  it('adds the number', () => {
    expect(generatedLogin('Анна Смирнова', 4821)).toBe('anna.smirnova.4821');
  });
});
