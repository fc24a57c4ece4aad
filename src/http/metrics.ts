import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { operationsSnapshot, type OperationsSnapshot } from '../db/queries/metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counters the routes bump (gateway callbacks); the HTTP histogram is filled by a hook. */
    metrics: { callbacks: Counter<'callback' | 'outcome'> };
  }
}

/**
 * GET /metrics in Prometheus' text format for operators (docs/operations.md "Metrics"), only with
 * `Authorization: Bearer $METRICS_TOKEN`; without the setting the route does not exist (404). Requests
 * cost one histogram observation; the queues, emails, backups and deadlines are read from the database
 * when Prometheus scrapes, so the worker's state is right whichever web process answers.
 */
export const metricsRoutes = fp(async (app: FastifyInstance, options: { token: string | undefined }) => {
  const registry = new Registry();
  const http = new Histogram({
    name: 'uslugi_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern (not URL), method and status class.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const callbacks = new Counter({
    name: 'uslugi_gateway_callbacks_total',
    help: 'Freedom Pay callbacks answered by this process, by callback (result, check) and outcome (ok, rejected, error, refused).',
    labelNames: ['callback', 'outcome'] as const,
    registers: [registry],
  });
  app.decorate('metrics', { callbacks });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    http.observe({ route, method: request.method, status: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });

  if (!options.token) return;
  const expected = Buffer.from(`Bearer ${options.token}`);
  const authorized = (request: FastifyRequest) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const snapshotGauges = operationsGauges(registry);

  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorized(request)) return reply.code(401).header('www-authenticate', 'Bearer').send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
    snapshotGauges(await operationsSnapshot(app.deps.db, app.deps.clock.now()));
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});

/** Gauges set from the database snapshot at each scrape; a queue that emptied reads 0, not its last value. */
function operationsGauges(registry: Registry): (snapshot: OperationsSnapshot) => void {
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const waiting = gauge('uslugi_queue_waiting_jobs', 'Jobs due and not yet taken, by queue.', ['queue']);
  const active = gauge('uslugi_queue_active_jobs', 'Jobs being worked on, by queue.', ['queue']);
  const oldest = gauge('uslugi_queue_oldest_waiting_seconds', 'How long the oldest due job of the queue has waited.', ['queue']);
  const emails = gauge('uslugi_emails', 'Emails in the outbox by status (queued, sent, failed); sent and failed only grow.', ['status']);
  const emailsRetrying = gauge('uslugi_emails_retrying', 'Queued emails whose delivery has failed at least once (the SMTP server refuses or is down).');
  const emailsFailedDay = gauge('uslugi_emails_failed_last_day', 'Emails given up on after every retry, created in the last 24 hours.');
  const reconcileRuns = gauge('uslugi_reconciliation_runs_last_hour', 'Reconciliation runs in the last hour, by result (completed, failed).', ['result']);
  const reconciled = gauge('uslugi_reconciliation_payments_last_hour', 'Payments the reconciliation runs of the last hour checked, applied, expired, or could not ask about.', ['outcome']);
  const lastBackup = gauge('uslugi_backup_last_success_timestamp_seconds', 'Unix time of the last backup that succeeded (0: never); its age is time() minus this.');
  const overdue = gauge('uslugi_orders_callback_overdue', 'Paid orders whose manager call-back deadline has passed with no contact logged.');
  return (snapshot) => {
    for (const metric of [waiting, active, oldest]) metric.reset();
    for (const queue of snapshot.queues) {
      waiting.set({ queue: queue.queue }, queue.waiting);
      active.set({ queue: queue.queue }, queue.active);
      oldest.set({ queue: queue.queue }, queue.oldestWaitingSeconds);
    }
    for (const status of ['queued', 'sent', 'failed'] as const) emails.set({ status }, snapshot.emails[status]);
    emailsRetrying.set(snapshot.emails.retrying);
    emailsFailedDay.set(snapshot.emails.failedLastDay);
    reconcileRuns.set({ result: 'completed' }, snapshot.reconciliation.runsLastHour);
    reconcileRuns.set({ result: 'failed' }, snapshot.reconciliation.failedRunsLastHour);
    for (const outcome of ['checked', 'applied', 'expired', 'unreachable'] as const) reconciled.set({ outcome }, snapshot.reconciliation[outcome]);
    lastBackup.set(snapshot.lastBackupAt);
    overdue.set(snapshot.overdueCallbacks);
  };
}
