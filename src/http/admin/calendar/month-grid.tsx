import { DateTime } from 'luxon';
import { ZONE } from '../../../domain/calendar/business-calendar.js';
import { dayTypes, type DayType } from '../../../domain/calendar/calendar-edit.js';

// A year of the working calendar as twelve small month tables, each day coloured by what it is.

export const monthNames = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const weekdays = [
  ['Пн', 'понедельник'],
  ['Вт', 'вторник'],
  ['Ср', 'среда'],
  ['Чт', 'четверг'],
  ['Пт', 'пятница'],
  ['Сб', 'суббота'],
  ['Вс', 'воскресенье'],
];

/** How a day looks: its marked type, or an ordinary working day or weekend. */
type Look = DayType | 'weekend' | 'workday';

const lookClass: Record<Look, string> = {
  holiday: 'calendar-holiday',
  transfer_day_off: 'calendar-day-off',
  working_saturday: 'calendar-working-saturday',
  short_day: 'calendar-short',
  short_working_saturday: 'calendar-working-saturday calendar-short',
  weekend: 'calendar-weekend',
  workday: 'calendar-workday',
};

export const lookWords: Record<Look, string> = {
  ...Object.fromEntries(Object.entries(dayTypes).map(([type, { label }]) => [type, label])),
  weekend: 'выходной',
  workday: 'рабочий день',
} as Record<Look, string>;

export function YearGrid({ year, types }: { year: number; types: ReadonlyMap<string, DayType | null> }) {
  return (
    <div class="calendar-months">
      {monthNames.map((name, index) => (
        <MonthGrid year={year} month={index + 1} name={name} types={types} />
      ))}
    </div>
  );
}

function MonthGrid({ year, month, name, types }: { year: number; month: number; name: string; types: ReadonlyMap<string, DayType | null> }) {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: ZONE });
  const cells: (DateTime | null)[] = [...new Array<null>(first.weekday - 1).fill(null)];
  for (let day = first; day.month === month; day = day.plus({ days: 1 })) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table class="calendar-month">
      <caption>{`${name} ${year}`}</caption>
      <thead>
        <tr>
          {weekdays.map(([short, full]) => (
            <th scope="col" abbr={full}>
              {short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr>
            {week.map((day) => {
              if (!day) return <td />;
              const date = day.toISODate()!;
              const look: Look = types.get(date) ?? (day.weekday >= 6 ? 'weekend' : 'workday');
              return (
                <td class={lookClass[look]} title={lookWords[look]}>
                  {day.day}
                  {look !== 'workday' && look !== 'weekend' && <span class="visually-hidden">{`, ${lookWords[look]}`}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalendarLegend() {
  const looks: Look[] = ['workday', 'weekend', 'holiday', 'transfer_day_off', 'working_saturday', 'short_day'];
  return (
    <ul class="calendar-legend">
      {looks.map((look) => (
        <li>
          <span class={`calendar-swatch ${lookClass[look]}`} aria-hidden="true" />
          {lookWords[look]}
        </li>
      ))}
    </ul>
  );
}
