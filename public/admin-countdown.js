// The callback queue's countdown (/admin/queue). The server renders «осталось 42 минуты» and the page works
// without this script; it only keeps the words fresh, every 30 s. The words must be the same as
// src/domain/orders/callback-queue.ts says: a unit test there runs both.

const forms = {
  day: ['день', 'дня', 'дней'],
  hour: ['час', 'часа', 'часов'],
  minute: ['минута', 'минуты', 'минут'],
  minuteAfterNa: ['минуту', 'минуты', 'минут'],
};

/** 0 for «1 день», 1 for «2 дня», 2 for «5 дней» (11–14 always 2). */
function formIndex(n) {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 2;
  if (last === 1) return 0;
  return last >= 2 && last <= 4 ? 1 : 2;
}

function parts(minutes) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? [[days, 'day'], [hours, 'hour']] : [[days, 'day']];
  if (hours > 0) return rest > 0 ? [[hours, 'hour'], [rest, 'minute']] : [[hours, 'hour']];
  return [[rest, 'minute']];
}

export function durationWords(minutes, grammaticalCase = 'nominative') {
  return parts(minutes)
    .map(([n, unit]) => `${n} ${forms[grammaticalCase === 'accusative' && unit === 'minute' ? 'minuteAfterNa' : unit][formIndex(n)]}`)
    .join(' ');
}

export function countdown(dueMs, nowMs) {
  const ms = dueMs - nowMs;
  if (ms > 0) {
    const minutes = Math.ceil(ms / 60000);
    const [[n, unit]] = parts(minutes);
    const verb = formIndex(n) !== 0 ? 'осталось' : unit === 'minute' ? 'осталась' : 'остался';
    return { overdue: false, text: `${verb} ${durationWords(minutes)}` };
  }
  return { overdue: true, text: `просрочено на ${durationWords(Math.max(1, Math.floor(-ms / 60000)), 'accusative')}` };
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
