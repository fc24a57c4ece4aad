import { DateTime } from 'luxon';
import { ZONE } from '../../../domain/calendar/business-calendar.js';
import { chartScale, positionOn } from '../../../domain/records/chart-scale.js';
import { formatRub } from '../../../domain/money.js';
import type { RevenueDay } from '../../../domain/records/revenue-days.js';
import { countOf, words } from '../../../domain/plural.js';

// Revenue per day as a bar chart drawn on the server: an SVG whose horizontal positions are percents,
// so it fills any width while its text keeps its size (readable on a 375 px phone), with the value
// axis in a narrow SVG of its own beside it. The same figures
// are in a table for screen readers.

const HEIGHT = 230;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 196;
const LABEL_Y = 216;
const BAR_SHARE = 0.7;
/** Wide enough for «1 000 000 ₽» in 12 px type. */
const AXIS_WIDTH = 84;

const percent = (value: number) => `${value.toFixed(3)}%`;
const dayLabel = (date: string) => DateTime.fromISO(date, { zone: ZONE }).toFormat('d.MM');
const dayLong = (date: string) => DateTime.fromISO(date, { zone: ZONE }).setLocale('ru').toFormat('d MMMM, ccc');

export function RevenueChart({ days, id = 'revenue' }: { days: RevenueDay[]; id?: string }) {
  const scale = chartScale(days.map((d) => d.netKopecks));
  const y = (value: number) => PLOT_BOTTOM - positionOn(scale, value) * (PLOT_BOTTOM - PLOT_TOP);
  const slot = 100 / days.length;
  const total = days.reduce((sum, d) => sum + d.netKopecks, 0);
  const zero = y(0);
  const summary = `Выручка по дням за ${countOf(days.length, words.day)}, с ${dayLong(days[0]!.date)} по ${dayLong(days.at(-1)!.date)}: всего ${formatRub(total)}.`;
  return (
    <figure class="dashboard-chart">
      <div class="dashboard-chart-body">
        {/* The value axis: its own narrow SVG beside the bars, so labels never sit on a bar. */}
        <svg aria-hidden="true" width={AXIS_WIDTH} height={HEIGHT} class="dashboard-chart-axis">
          {scale.ticks.map((tick) => (
            <text class="dashboard-tick" x={AXIS_WIDTH - 6} y={y(tick) + 4} text-anchor="end">
              {formatRub(tick)}
            </text>
          ))}
        </svg>
        <svg role="img" aria-labelledby={`${id}-title`} width="100%" height={HEIGHT} class="dashboard-chart-svg">
          <title id={`${id}-title`}>{summary}</title>
          {scale.ticks.map((tick) => (
            <line class={tick === 0 ? 'dashboard-axis' : 'dashboard-grid'} x1="0" x2="100%" y1={y(tick)} y2={y(tick)} />
          ))}
          {days.map((day, i) => {
            const top = y(day.netKopecks);
            return (
              <rect
                class={day.netKopecks < 0 ? 'dashboard-bar dashboard-bar-negative' : 'dashboard-bar'}
                x={percent(i * slot + (slot * (1 - BAR_SHARE)) / 2)}
                width={percent(slot * BAR_SHARE)}
                y={Math.min(top, zero)}
                height={Math.abs(zero - top)}
              >
                <title>{`${dayLong(day.date)}: ${formatRub(day.netKopecks)}`}</title>
              </rect>
            );
          })}
          {days.map((day, i) =>
            // Every fifth day, counted back from today, so today is always labelled.
            (days.length - 1 - i) % 5 === 0 ? (
              <text class="dashboard-day" x={percent(i * slot + slot / 2)} y={LABEL_Y} text-anchor="middle">
                {dayLabel(day.date)}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      {/* A table cannot be shrunk to nothing itself: a wrapper hides it without widening the page. The
          caption comes last: a figure's caption is its first or last child (the Nu checker). */}
      <div class="visually-hidden">
      <table>
        <caption>Выручка по дням</caption>
        <thead>
          <tr>
            <th scope="col">День</th>
            <th scope="col">Оплачено</th>
            <th scope="col">Отмены и возвраты</th>
            <th scope="col">Итого за день</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr>
              <th scope="row">{dayLong(day.date)}</th>
              <td>{formatRub(day.paidKopecks)}</td>
              <td>{formatRub(day.returnedKopecks)}</td>
              <td>{formatRub(day.netKopecks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <figcaption>
        {summary} Столбец — оплаты картой за день (по времени оплаты, включая доплаты по счетам) минус успешные отмены и возвраты за этот день (по времени их
        проведения); оплаты наличными и переводом не учтены. Время московское.
      </figcaption>
    </figure>
  );
}
