import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './downloads.js';

describe('attachment disposition', () => {
  it('keeps a Cyrillic name as filename* and gives an ASCII stand-in', () => {
    expect(attachmentDisposition('Отчёт (итог).pdf')).toBe(
      `attachment; filename="_____ (____).pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%28%D0%B8%D1%82%D0%BE%D0%B3%29.pdf`,
    );
    expect(attachmentDisposition('café.txt')).toBe(`attachment; filename="cafe.txt"; filename*=UTF-8''caf%C3%A9.txt`);
  });

  it('cannot be broken out of by quotes, backslashes or line breaks', () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x=1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('"').length).toBe(3);
    expect(header).toContain("filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1.txt");
  });
});
