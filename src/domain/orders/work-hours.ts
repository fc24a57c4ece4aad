// Hours as managers type them («1,5», «2», «0.75») and as everyone reads them («1,5 ч»). Stored as
// whole minutes; entered in quarter hours so that «1,33» cannot sneak in a rounding question.

const HOURS = /^(\d{1,5})(?:[.,](\d{1,2}))?$/;
const QUARTER_MINUTES = 15;

export type HoursCheck = { ok: true; minutes: number } | { ok: false; error: string };

export interface HoursRules {
  /** Whether 0 is a valid answer (an agreed specification may include no hours; a work entry may not). */
  allowZero: boolean;
  maxMinutes: number;
  /** Said when the value is above maxMinutes. */
  tooMany: string;
}

export function parseHours(input: string, rules: HoursRules): HoursCheck {
  const value = input.trim().replace(/\s+/g, '');
  if (value === '') return { ok: false, error: 'Укажите количество часов, например 1,5.' };
  const match = HOURS.exec(value);
  if (!match) return { ok: false, error: 'Введите число часов, например 1,5 или 2.' };
  const whole = Number(match[1]);
  const fraction = match[2] ? Number(match[2].padEnd(2, '0')) : 0; // hundredths of an hour
  const hundredths = whole * 100 + fraction;
  if (hundredths % 25 !== 0) return { ok: false, error: 'Часы указываются с точностью до четверти часа: 0,25, 0,5 или 0,75.' };
  const minutes = (hundredths / 25) * QUARTER_MINUTES;
  if (minutes === 0 && !rules.allowZero) return { ok: false, error: 'Укажите больше нуля часов.' };
  if (minutes > rules.maxMinutes) return { ok: false, error: rules.tooMany };
  return { ok: true, minutes };
}

const number = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });

/** 90 → «1,5», 75 → «1,25», 600 → «10». */
export function hoursNumber(minutes: number): string {
  return number.format(minutes / 60).replace(/\s/g, '\u00a0');
}

/** 90 → «1,5 ч». */
export function formatHours(minutes: number): string {
  return `${hoursNumber(minutes)}\u00a0ч`;
}

export interface HoursBalance {
  loggedMinutes: number;
  /** Null for a fixed-price service: its hours are only a record. */
  includedMinutes: number | null;
  /** Beyond the included hours (0 when within them or for a fixed-price service). */
  extraMinutes: number;
}

export function hoursBalance(loggedMinutes: number, includedHours: number | null): HoursBalance {
  const includedMinutes = includedHours === null ? null : includedHours * 60;
  return { loggedMinutes, includedMinutes, extraMinutes: includedMinutes === null ? 0 : Math.max(0, loggedMinutes - includedMinutes) };
}
