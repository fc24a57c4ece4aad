import { moscowDay } from '../../domain/calendar/moscow-time.js';
import { formatHours, hoursBalance } from '../../domain/orders/work-hours.js';
import type { ClientOrderWork } from '../../db/queries/admin-orders.js';
import { moscowDateTime } from '../../email/templates/format.js';

/** The client's view of the work: the specification agreed with the manager and the hours worked so far. */
export function OrderWorkPanel({ work }: { work: ClientOrderWork }) {
  const { specification, days } = work;
  const logged = days.reduce((total, day) => total + day.minutes, 0);
  const balance = hoursBalance(logged, work.includedHours);
  return (
    <>
      <div class="panel">
        <h2>Спецификация</h2>
        {specification ? (
          <>
            {/* Line by line, as in the email: a list typed as "- …" lines stays a list. */}
            {specification.text
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line) => (
                <p>{line}</p>
              ))}
            <dl class="summary">
              <dt>Согласовано часов</dt>
              <dd>{formatHours(specification.agreedMinutes)}</dd>
              <dt>Согласована</dt>
              <dd>{moscowDateTime(specification.agreedAt)} (мск)</dd>
            </dl>
          </>
        ) : (
          <p>Менеджер согласует с вами объём и сроки работ; согласованная спецификация появится здесь.</p>
        )}
      </div>
      {days.length > 0 && (
        <div class="panel">
          <h2>Отработанные часы</h2>
          <p>
            Всего: <strong>{formatHours(logged)}</strong>
            {balance.includedMinutes !== null && <> из {formatHours(balance.includedMinutes)}, входящих в услугу</>}.
            {balance.extraMinutes > 0 && <> Сверх включённых: {formatHours(balance.extraMinutes)}; доплата — только за часы, согласованные с вами (ниже).</>}
          </p>
          <ul>
            {days.map((day) => (
              <li>
                {moscowDay(day.workDate)}: {formatHours(day.minutes)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
