import type { FastifyInstance } from 'fastify';
import { auditArea } from './audit/routes.js';
import { backupsArea } from './backups/routes.js';
import { calendarArea } from './calendar/routes.js';
import { catalogArea } from './catalog/routes.js';
import { faqArea } from './faq/routes.js';
import { clientsArea } from './clients/routes.js';
import { contentArea } from './content/routes.js';
import { dashboardArea } from './dashboard/routes.js';
import { emailsArea } from './emails/routes.js';
import { invoicesArea } from './invoices/routes.js';
import { notificationsArea } from './notifications/routes.js';
import { ordersArea } from './orders/routes.js';
import { leadsArea } from './leads/routes.js';
import { paymentsArea } from './payments/routes.js';
import { receiptsArea } from './receipts/routes.js';
import { staffGate, type StaffRouteAccess } from './access.js';
import { setupRoutes } from './staff/setup-routes.js';
import { signInRoutes } from './staff/sign-in-routes.js';
import { staffArea } from './staff/staff-routes.js';
import { webhooksArea } from './webhooks/routes.js';
import { transfersArea } from './transfers/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every back-office route with its declared access: the deny-by-default test walks them all. */
    staffRoutes: { method: string; url: string; access: StaffRouteAccess }[];
  }
}

/**
 * Everything under /admin. Deny by default: a route must declare `config.staff` (a permission, or
 * "public" for the sign-in pages) or the app refuses to start; the gate then checks the session and
 * the role on every request before anything else runs.
 */
export async function backOffice(app: FastifyInstance) {
  app.decorateRequest('staff', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/admin')) throw new Error(`Back-office route outside /admin: ${route.url}`);
    if (route.method === 'HEAD') return;
    if (!route.config?.staff) throw new Error(`${String(route.method)} ${route.url} declares no staff permission (config.staff)`);
    for (const method of [route.method].flat()) app.staffRoutes.push({ method, url: route.url, access: route.config.staff });
  });
  app.addHook('preHandler', staffGate);
  // Staff pages hold everyone's personal data: never cached, never named to another site or a search engine.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
  });

  for (const area of [signInRoutes, setupRoutes, staffArea, dashboardArea, ordersArea, leadsArea, paymentsArea, receiptsArea, transfersArea, invoicesArea, clientsArea, emailsArea, notificationsArea, catalogArea, faqArea, calendarArea, contentArea, auditArea, backupsArea, webhooksArea]) {
    await app.register(area);
  }
}
