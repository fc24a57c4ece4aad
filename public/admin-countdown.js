// The callback queue's countdown (/admin/queue). The server renders «осталось 42 мин» and the page works
// without this script; it only keeps the words fresh, every 30 s. The words must be the same as
// src/domain/orders/callback-queue.ts says: a unit test there runs both.

export function durationWords(minutes) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} дн ${hours} ч` : `${days} дн`;
  if (hours > 0) return rest > 0 ? `${hours} ч ${rest} мин` : `${hours} ч`;
  return `${rest} мин`;
}

export function countdown(dueMs, nowMs) {
  const ms = dueMs - nowMs;
  if (ms > 0) return { overdue: false, text: `осталось ${durationWords(Math.ceil(ms / 60000))}` };
  return { overdue: true, text: `просрочено на ${durationWords(Math.max(1, Math.floor(-ms / 60000)))}` };
}

function start() {
  // The server's clock decides: the browser's may be off by minutes. Each table carries the server's
  // time when it was rendered; the live queue (admin-live-queue.js) swaps in new tables, so look each time.
  const skews = new WeakMap();
  const tick = () => {
    const table = document.querySelector('[data-server-now]');
    if (!table) return;
    if (!skews.has(table)) skews.set(table, Number(table.getAttribute('data-server-now')) - Date.now());
    const skew = skews.get(table);
    for (const cell of table.querySelectorAll('[data-due]')) {
      const { overdue, text } = countdown(Number(cell.getAttribute('data-due')), Date.now() + skew);
      cell.textContent = text;
      cell.classList.toggle('overdue', overdue);
      cell.closest('tr')?.classList.toggle('orders-overdue-row', overdue);
    }
  };
  tick();
  setInterval(tick, 30000);
}

if (typeof document !== 'undefined') start();
