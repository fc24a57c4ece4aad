/**
 * A state machine as data: for each state, the events it accepts and the state each leads to.
 * `transition` returns null for an event the state does not accept, so callers decide whether that
 * is an error or an idempotent no-op (a repeated callback).
 */
export type TransitionTable<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

export interface StateMachine<S extends string, E extends string> {
  readonly initial: S;
  readonly table: TransitionTable<S, E>;
  transition(state: S, event: E): S | null;
  isTerminal(state: S): boolean;
}

export function defineMachine<S extends string, E extends string>(initial: S, table: TransitionTable<S, E>): StateMachine<S, E> {
  return {
    initial,
    table,
    transition: (state, event) => table[state][event] ?? null,
    isTerminal: (state) => Object.keys(table[state]).length === 0,
  };
}

/** States reachable from the initial one (used by tests to check a table has no dead states). */
export function reachableStates<S extends string, E extends string>(machine: StateMachine<S, E>): Set<S> {
  const seen = new Set<S>([machine.initial]);
  const queue: S[] = [machine.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of Object.values(machine.table[state]) as S[]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
