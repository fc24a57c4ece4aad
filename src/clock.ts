/** Where "now" comes from: the system clock in the app, a hand-moved one in tests. Domain code gets a Date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
