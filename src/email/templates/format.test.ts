import { describe, expect, it } from 'vitest';
import { moscowDateTime } from './format.js';

describe('moscowDateTime', () => {
  it('shows Moscow wall-clock time in Russian', () => {
    expect(moscowDateTime(new Date('2026-11-24T08:20:00Z'))).toBe('24 ноября 2026 в 11:20');
    expect(moscowDateTime(new Date('2026-12-31T21:05:00Z'))).toBe('1 января 2027 в 00:05');
  });
});
