import type { FastifyInstance } from 'fastify';
import { acceptanceRoutes } from './acceptance-section.js';
import { cardRoutes } from './card-routes.js';
import { ordersListRoutes } from './orders-list-routes.js';
import { queueRoutes } from './queue-routes.js';
import { queueEventRoutes } from '../queue-events.js';
import { workRoutes } from './work-routes.js';
import { deliveryRoutes } from './delivery-routes.js';

/** The callback queue, the order list and an order's card: contacts, specification, hours, the work's steps. */
export async function ordersArea(app: FastifyInstance) {
  await app.register(queueRoutes);
  await app.register(queueEventRoutes);
  await app.register(ordersListRoutes);
  await app.register(cardRoutes);
  await app.register(workRoutes);
  await app.register(acceptanceRoutes);
  await app.register(deliveryRoutes);
}
