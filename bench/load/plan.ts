import type { SandboxFaults } from '../../sandbox/freedompay/index.js';

/**
 * Who the simulated clients are, decided up front from a seed so a run can be repeated: most are new,
 * some come back later with the same address (typed in another case), some open two orders at once
 * for a new address; every order gets a gateway behaviour for its result callback.
 */
export type FaultKind = 'normal' | 'duplicated' | 'delayed' | 'delayed+duplicated' | 'dropped';
export const FAULT_KINDS: FaultKind[] = ['normal', 'duplicated', 'delayed', 'delayed+duplicated', 'dropped'];

export interface PlannedOrder {
  slug: string;
  fault: FaultKind;
  faults: SandboxFaults;
}

export interface PlannedClient {
  index: number;
  /** new: one order; twin: two orders at once for a new address; returning: a new order with an earlier client's address. */
  kind: 'new' | 'twin' | 'returning';
  email: string;
  name: string;
  phone: string;
  ip: string;
  orders: PlannedOrder[];
  /** For a returning client: the index of the client whose address it reuses. */
  returningTo?: number;
}

const NAMES = ['Анна Смирнова', 'Иван Петров', 'Мария Кузнецова', 'Сергей Иванов', 'Ольга Попова', 'Дмитрий Соколов', 'Елена Лебедева', 'Алексей Козлов', 'Наталья Новикова', 'Павел Морозов'];
const SHARES = { returning: 0.1, twin: 0.04 };

/** The result-callback behaviour of one order: 60 % normal, 12 % duplicated, 12 % delayed, 8 % both, 8 % dropped. */
function faultFor(random: () => number): { fault: FaultKind; faults: SandboxFaults } {
  const roll = random();
  const copies = 2 + Math.floor(random() * 3); // 2–4 copies at once
  const delayMs = 1000 + Math.floor(random() * 20_000); // 1–21 s: well before reconciliation's 2 minutes
  if (roll < 0.6) return { fault: 'normal', faults: {} };
  if (roll < 0.72) return { fault: 'duplicated', faults: { repeatResult: copies } };
  if (roll < 0.84) return { fault: 'delayed', faults: { delayResultMs: delayMs } };
  if (roll < 0.92) return { fault: 'delayed+duplicated', faults: { delayResultMs: delayMs, repeatResult: copies } };
  return { fault: 'dropped', faults: { dropResult: true } };
}

export function planClients(count: number, seed: number, slugs: string[]): PlannedClient[] {
  const random = mulberry32(seed);
  const run = seed.toString(36);
  const order = (): PlannedOrder => ({ slug: slugs[Math.floor(random() * slugs.length)]!, ...faultFor(random) });
  const returning = Math.round(count * SHARES.returning);
  const fresh = count - returning;
  const clients: PlannedClient[] = [];
  for (let index = 0; index < fresh; index++) {
    const twin = random() < SHARES.twin / (1 - SHARES.returning);
    clients.push({
      index,
      kind: twin ? 'twin' : 'new',
      email: `load-${run}-${index}@example.ru`,
      name: NAMES[index % NAMES.length]!,
      phone: `+7 912 ${String(1_000_000 + index).slice(1, 4)}-${String(index % 100).padStart(2, '0')}-${String((index * 7) % 100).padStart(2, '0')}`,
      ip: ipOf(index),
      orders: twin ? [order(), order()] : [order()],
    });
  }
  // Returning clients come last, each for a different client of the first 60 %, so that one has
  // usually finished (and chosen its own password) by then; they wait for it if not.
  const candidates = clients.filter((client) => client.index < fresh * 0.6);
  for (let n = 0; n < returning && candidates.length > 0; n++) {
    const original = candidates.splice(Math.floor(random() * candidates.length), 1)[0]!;
    const index = clients.length;
    clients.push({
      index,
      kind: 'returning',
      // The same address, typed with capitals: it is the same client.
      email: original.email.replace(/^l/, 'L').replace('@example.ru', '@Example.RU'),
      name: original.name,
      phone: original.phone,
      ip: ipOf(index),
      orders: [order()],
      returningTo: original.index,
    });
  }
  return clients;
}

/** Every client has its own loopback address (127.20.0.1 …), so per-IP limits see separate people. */
function ipOf(index: number): string {
  return `127.20.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same clients. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
