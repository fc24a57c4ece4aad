import type { CalendarDay } from '../domain/business-calendar.js';
import data from './ru-production-calendar.json' with { type: 'json' };

/**
 * The Russian production calendar shipped with the app (2025–2026 final, 2027 provisional; a copy of
 * the shared calendar data). The accounts and back-office features move it into the database, where an
 * admin can edit it.
 */
export const shippedCalendarDays: CalendarDay[] = Object.values(data.years).flatMap((year) => year.days as CalendarDay[]);
