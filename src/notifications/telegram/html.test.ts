import { describe, expect, it } from 'vitest';
import { escapeHtml, telegramAlert } from './html.js';

describe('Telegram HTML', () => {
  it('escapes what Telegram would read as markup', () => {
    expect(escapeHtml('<b>Иван & "Ко"</b>')).toBe('&lt;b&gt;Иван &amp; &quot;Ко&quot;&lt;/b&gt;');
  });

  it('puts the title in bold, the lines as text and the card as a link in the text', () => {
    const html = telegramAlert({ title: 'Заказ № 1 оплачен', lines: ['Клиент: <script>'], cardUrl: 'http://localhost:3000/admin/orders/1?a=1&b=2', cardLabel: 'Открыть карточку заказа' });
    expect(html).toBe('<b>Заказ № 1 оплачен</b>\nКлиент: &lt;script&gt;\n<a href="http://localhost:3000/admin/orders/1?a=1&amp;b=2">Открыть карточку заказа</a>');
  });
});
