import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql, sum, type SQL } from 'drizzle-orm';
import type { QueueFilter } from '../../domain/orders/callback-queue.js';
import type { OrderState } from '../../domain/orders/order-machine.js';
import type { Queryable } from '../client.js';
import { invoices, orderContacts, orders, orderSpecifications, services, staff, workEntries } from '../schema/index.js';

// The back office's reads about orders: the callback queue, the order list, an order's card.

export type Order = typeof orders.$inferSelect;

const assignedName = staff.name;

export interface QueueRow {
  id: string;
  number: number;
  serviceTitle: string;
  customerName: string;
  customerPhone: string;
  paidAt: Date | null;
  callbackDueAt: Date | null;
  assignedStaffId: string | null;
  assignedName: string | null;
}

/** A queue longer than this is a crisis the page cannot fix; the oldest deadlines come first anyway. */
const QUEUE_LIMIT = 500;

/** Paid orders nobody has contacted yet, the nearest deadline first. */
export async function callbackQueue(db: Queryable, input: { filter: QueueFilter; staffId: string; now: Date }): Promise<QueueRow[]> {
  const filters: Record<QueueFilter, SQL | undefined> = {
    all: undefined,
    mine: eq(orders.assignedStaffId, input.staffId),
    unassigned: isNull(orders.assignedStaffId),
    overdue: lte(orders.callbackDueAt, input.now),
  };
  return db
    .select({
      id: orders.id,
      number: orders.number,
      serviceTitle: orders.serviceTitle,
      customerName: orders.customerName,
      customerPhone: orders.customerPhone,
      paidAt: orders.paidAt,
      callbackDueAt: orders.callbackDueAt,
      assignedStaffId: orders.assignedStaffId,
      assignedName,
    })
    .from(orders)
    .leftJoin(staff, eq(staff.id, orders.assignedStaffId))
    .where(and(eq(orders.state, 'paid'), isNull(orders.firstContactAt), filters[input.filter]))
    .orderBy(sql`${orders.callbackDueAt} asc nulls last`, asc(orders.paidAt))
    .limit(QUEUE_LIMIT);
}

export interface OrderListRow {
  id: string;
  number: number;
  serviceTitle: string;
  customerName: string;
  state: OrderState;
  priceKopecks: number;
  createdAt: Date;
  paidAt: Date | null;
  callbackDueAt: Date | null;
  firstContactAt: Date | null;
  assignedName: string | null;
}

/** Every order past payment (paid, under review, in work, closed), newest first, a page at a time. */
export async function ordersPage(db: Queryable, input: { state: OrderState | null; page: number; perPage: number }): Promise<{ rows: OrderListRow[]; total: number }> {
  const where = and(ne(orders.state, 'awaiting_payment'), input.state ? eq(orders.state, input.state) : undefined);
  const [counted] = await db.select({ total: count() }).from(orders).where(where);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      serviceTitle: orders.serviceTitle,
      customerName: orders.customerName,
      state: orders.state,
      priceKopecks: orders.priceKopecks,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      callbackDueAt: orders.callbackDueAt,
      firstContactAt: orders.firstContactAt,
      assignedName,
    })
    .from(orders)
    .leftJoin(staff, eq(staff.id, orders.assignedStaffId))
    .where(where)
    .orderBy(desc(sql`coalesce(${orders.paidAt}, ${orders.createdAt})`), desc(orders.id))
    .limit(input.perPage)
    .offset((input.page - 1) * input.perPage);
  return { rows, total: counted?.total ?? 0 };
}

export type ContactRow = typeof orderContacts.$inferSelect & { staffName: string };
export type SpecificationRow = typeof orderSpecifications.$inferSelect & { staffName: string };
export type WorkEntryRow = typeof workEntries.$inferSelect & { staffName: string };

export interface OrderCardData {
  order: Order;
  service: { billing: 'fixed' | 'hourly'; includedHours: number | null; hourlyRateKopecks: number | null };
  assignedName: string | null;
  contacts: ContactRow[];
  /** Newest first: the first is the one in force. */
  specifications: SpecificationRow[];
  workEntries: WorkEntryRow[];
}

export async function orderCard(db: Queryable, orderId: string): Promise<OrderCardData | undefined> {
  const [found] = await db
    .select({ order: orders, billing: services.billing, includedHours: services.includedHours, hourlyRateKopecks: services.hourlyRateKopecks, assignedName })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .leftJoin(staff, eq(staff.id, orders.assignedStaffId))
    .where(eq(orders.id, orderId));
  if (!found) return undefined;
  const contacts = await db
    .select({ contact: orderContacts, staffName: staff.name })
    .from(orderContacts)
    .innerJoin(staff, eq(staff.id, orderContacts.staffId))
    .where(eq(orderContacts.orderId, orderId))
    .orderBy(desc(orderContacts.contactedAt), desc(orderContacts.createdAt));
  const specifications = await db
    .select({ specification: orderSpecifications, staffName: staff.name })
    .from(orderSpecifications)
    .innerJoin(staff, eq(staff.id, orderSpecifications.staffId))
    .where(eq(orderSpecifications.orderId, orderId))
    .orderBy(desc(orderSpecifications.agreedAt), desc(orderSpecifications.id));
  const entries = await db
    .select({ entry: workEntries, staffName: staff.name })
    .from(workEntries)
    .innerJoin(staff, eq(staff.id, workEntries.staffId))
    .where(eq(workEntries.orderId, orderId))
    .orderBy(asc(workEntries.workDate), asc(workEntries.createdAt));
  return {
    order: found.order,
    service: { billing: found.billing, includedHours: found.includedHours, hourlyRateKopecks: found.hourlyRateKopecks },
    assignedName: found.assignedName,
    contacts: contacts.map((row) => ({ ...row.contact, staffName: row.staffName })),
    specifications: specifications.map((row) => ({ ...row.specification, staffName: row.staffName })),
    workEntries: entries.map((row) => ({ ...row.entry, staffName: row.staffName })),
  };
}

/** The specification in force (the latest agreed), for the client's account. */
export async function currentSpecification(db: Queryable, orderId: string) {
  const [row] = await db
    .select()
    .from(orderSpecifications)
    .where(eq(orderSpecifications.orderId, orderId))
    .orderBy(desc(orderSpecifications.agreedAt), desc(orderSpecifications.id))
    .limit(1);
  return row;
}

export async function loggedMinutes(db: Queryable, orderId: string): Promise<number> {
  const [row] = await db.select({ total: sum(workEntries.minutes) }).from(workEntries).where(eq(workEntries.orderId, orderId));
  return Number(row?.total ?? 0);
}

/** Extra minutes already put on surcharge invoices that still stand (open or paid). */
export async function invoicedExtraMinutes(db: Queryable, orderId: string): Promise<number> {
  const [row] = await db
    .select({ total: sum(invoices.extraMinutes) })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), inArray(invoices.state, ['open', 'paid'])));
  return Number(row?.total ?? 0);
}

export type StaffName = { id: string; name: string; email: string; role: 'admin' | 'manager' | 'accountant' };

/** Who an order can be given to: active managers and admins. */
export async function assignableStaff(db: Queryable): Promise<StaffName[]> {
  return db
    .select({ id: staff.id, name: staff.name, email: staff.email, role: staff.role })
    .from(staff)
    .where(and(eq(staff.state, 'active'), inArray(staff.role, ['admin', 'manager'])))
    .orderBy(asc(staff.name));
}

/** Who hears about a missed callback: the order's manager (if still active) and every active admin, once each. */
export async function escalationRecipients(db: Queryable, assignedStaffId: string | null): Promise<StaffName[]> {
  return db
    .select({ id: staff.id, name: staff.name, email: staff.email, role: staff.role })
    .from(staff)
    .where(and(eq(staff.state, 'active'), or(eq(staff.role, 'admin'), assignedStaffId ? eq(staff.id, assignedStaffId) : undefined)))
    .orderBy(asc(staff.name));
}

export interface ClientOrderWork {
  specification: { text: string; agreedMinutes: number; agreedAt: Date } | undefined;
  /** Hours by date (staff notes stay in the back office). */
  days: { workDate: string; minutes: number }[];
  /** Included hours of an hourly service; null for a fixed-price one. */
  includedHours: number | null;
}

/** What the client's account shows of the work on an order: the agreed specification and the hours. */
export async function clientOrderWork(db: Queryable, order: { id: string; serviceId: string }): Promise<ClientOrderWork> {
  const specification = await currentSpecification(db, order.id);
  const days = await db
    .select({ workDate: workEntries.workDate, minutes: sql<number>`sum(${workEntries.minutes})::int` })
    .from(workEntries)
    .where(eq(workEntries.orderId, order.id))
    .groupBy(workEntries.workDate)
    .orderBy(asc(workEntries.workDate));
  const [service] = await db.select({ billing: services.billing, includedHours: services.includedHours }).from(services).where(eq(services.id, order.serviceId));
  return {
    specification: specification && { text: specification.text, agreedMinutes: specification.agreedMinutes, agreedAt: specification.agreedAt },
    days: days.map((day) => ({ workDate: day.workDate, minutes: Number(day.minutes) })),
    includedHours: service?.billing === 'hourly' ? service.includedHours : null,
  };
}
