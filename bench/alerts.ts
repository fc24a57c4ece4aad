import { createTelegramSandbox } from '../sandbox/telegram/index.js';
import { telegramLinks } from '../src/db/schema/index.js';
import { orderNumber } from '../src/domain/orders/order-number.js';
import { cards, orderSentToGateway } from '../tests/helpers/payments.js';
import { staffMember } from '../tests/helpers/staff.js';
import { shiftedClock, TELEGRAM_TOKEN } from '../tests/helpers/telegram.js';
import { createTestApp, type Backend } from '../tests/helpers/test-app.js';

// npm run bench:alerts: the time from the result callback's answer (the sandbox gateway's `pay`
// resolves once the shop answered it) to the staff alert accepted by the fake Telegram, over 20
// payments one after another, with the worker on as `npm start` runs it. On PGlite by default (idle
// workers poll every 2 s there); BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL, where a new
// job wakes the worker through NOTIFY. The clock is a working Tuesday 11:00, so no alert waits for
// quiet hours to end.

const PAYMENTS = 20;
const backend: Backend = process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite';
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const telegram = createTelegramSandbox({ token: TELEGRAM_TOKEN });
const apiUrl = await telegram.listen();
const t = await createTestApp(backend, {
  captcha: false,
  worker: true,
  clock: shiftedClock(new Date('2026-11-24T11:00:00+03:00')),
  env: { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_API_URL: apiUrl },
});
try {
  const chatId = 700_900_100;
  telegram.userWrites({ id: chatId, firstName: 'Менеджер' }, 'привет');
  const { member } = await staffMember(t, 'manager');
  await t.deps.db.insert(telegramLinks).values({ staffId: member.id, chatId, username: null, linkedAt: new Date() });

  const latencies: number[] = [];
  for (let i = 0; i < PAYMENTS; i++) {
    const { order, attempt } = await orderSentToGateway(t, 'site-support', { email: `bench.${i}@example.ru` });
    const number = orderNumber(order.number);
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    const answered = Date.now();
    let message = telegram.sent(chatId).find((m) => m.text.includes(number));
    while (!message && Date.now() - answered < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      message = telegram.sent(chatId).find((m) => m.text.includes(number));
    }
    if (!message) throw new Error(`No alert for order ${number} within 30 s`);
    latencies.push(Math.max(0, message.date.getTime() - answered));
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  process.stdout.write(
    `Result callback answered → Telegram alert accepted, ${PAYMENTS} payments on ${backend}:\n` +
      `  p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${latencies[0]} ms, max ${latencies.at(-1)} ms\n`,
  );
} finally {
  await t.close();
  await telegram.close();
}
