// The live callback queue (/admin/queue). The server's event stream (/admin/queue/events) says only
// «the queue changed»; this script then fetches the page again and swaps the queue part in, so what
// the member sees is always what the server rendered for them. A new order plays a short beep and,
// if the manager allowed it, shows a browser notification. Without this script the page works as a
// plain page: reload to see new orders.

const root = () => document.querySelector('[data-live-queue]');
const ids = (element) => new Set((element?.getAttribute('data-order-ids') ?? '').split(' ').filter(Boolean));

let audio = null;

/** A short two-tone beep through WebAudio (no file to fetch); browsers allow it once the page was clicked. */
function beep() {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const start = audio.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.18, 1320]]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.16);
    }
  } catch {
    // No sound is no reason to stop updating the queue.
  }
}

function notify(count) {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const body = count === 1 ? 'Новый оплаченный заказ ждёт звонка.' : `Новых оплаченных заказов: ${count}.`;
  const notification = new Notification('Очередь звонков', { body, tag: 'callback-queue', icon: '/static/favicon.svg' });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

function setUpNotifyButton(button) {
  if (!('Notification' in window) || Notification.permission !== 'default') return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    beep(); // the click lets the page make sounds from now on
    const answer = await Notification.requestPermission();
    button.hidden = answer !== 'default';
  });
}

let refreshing = null;
let again = false;

/** Fetches the page as it is now and swaps the queue part in; one fetch at a time, one more if asked meanwhile. */
async function refresh(status) {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = (async () => {
    const response = await fetch(location.href, { headers: { 'X-Live-Refresh': '1' }, credentials: 'same-origin', cache: 'no-store' });
    // Signed out (the session ended): load the page for real, which shows the sign-in.
    if (response.redirected || !response.ok) return location.reload();
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    const next = fresh.querySelector('[data-live-queue]');
    const current = root();
    if (!next || !current) return;
    const before = ids(current);
    const added = [...ids(next)].filter((id) => !before.has(id)).length;
    current.replaceWith(document.importNode(next, true));
    document.title = fresh.title;
    if (added > 0) {
      beep();
      notify(added);
      status.textContent = added === 1 ? 'В очереди новый заказ.' : `В очереди новых заказов: ${added}.`;
    }
  })();
  try {
    await refreshing;
  } catch {
    status.textContent = 'Не удалось обновить очередь. Обновите страницу.';
  } finally {
    refreshing = null;
    if (again) {
      again = false;
      void refresh(status);
    }
  }
}

function start() {
  const element = root();
  const controls = document.querySelector('[data-live-controls]');
  if (!element || !controls || !('EventSource' in window)) return;
  const status = controls.querySelector('[data-live-status]');
  controls.hidden = false;
  setUpNotifyButton(controls.querySelector('[data-live-notify]'));
  const events = new EventSource(element.getAttribute('data-live-queue'));
  events.addEventListener('queue', () => void refresh(status));
  // The browser reconnects by itself; a change missed while the stream was down shows on reconnecting.
  let lost = false;
  events.addEventListener('error', () => {
    lost = true;
    // Closed for good (the stream answered with a sign-in page): the refresh finds out why and reloads.
    if (events.readyState === EventSource.CLOSED) void refresh(status);
  });
  events.addEventListener('open', () => {
    if (lost) void refresh(status);
    lost = false;
  });
}

if (typeof document !== 'undefined') start();
