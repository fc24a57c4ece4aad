import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addCalendarYear } from '../../../actions/calendar/add-calendar-year.js';
import { hideCalendarWarning } from '../../../actions/calendar/hide-calendar-warning.js';
import { markCalendarDay } from '../../../actions/calendar/mark-calendar-day.js';
import { removeCalendarDay } from '../../../actions/calendar/remove-calendar-day.js';
import { setCalendarYearStatus } from '../../../actions/calendar/set-calendar-year-status.js';
import { calendarDaysOfYear, calendarYearStatus, listCalendarYears } from '../../../db/queries/admin-calendar.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { CalendarYearPage, type CalendarYearPageProps } from './calendar-year-page.js';
import { CalendarYearsPage, type CalendarYearsPageProps } from './calendar-years-page.js';

type Form = { Body: Record<string, unknown> | undefined };
type ByYear = { Params: { year: string } };
type ByDate = { Params: { year: string; date: string } };
const field = (body: Record<string, unknown> | undefined, name: string) => (typeof body?.[name] === 'string' ? (body[name] as string).slice(0, 100) : '');
const YEAR = /^\d{4}$/;
/** Back to the page the warning was hidden on: a back-office path only, never another site. */
const backOfficePath = (path: string) => (/^\/admin(\/[\w\-/]*)?$/.test(path) ? path : '/admin');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const notices: Record<string, string> = {
  added: 'Год добавлен.',
  marked: 'День отмечен. Сроки звонков по новым оплатам считаются уже по нему.',
  changed: 'Отметка изменена. Сроки звонков по новым оплатам считаются уже по ней.',
  removed: 'Отметка удалена: день стал обычным.',
  status: 'Статус года сохранён.',
  unchanged: 'Изменений не было.',
};

/** The working calendar editor: years and their status, the marked days of a year. */
export async function calendarArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'calendar.edit' } as const;
  const post = { preHandler: app.csrfProtection, config };
  const actor = (request: FastifyRequest) => ({ staffId: request.staff!.id, ip: request.ip });
  const notice = (request: FastifyRequest) => notices[(request.query as { done?: string }).done ?? ''];

  app.get('/admin/calendar', { config }, async (request, reply) => sendYears(reply, { notice: notice(request) }));

  app.post<Form>('/admin/calendar/years', post, async (request, reply) => {
    const values = { year: field(request.body, 'year'), status: field(request.body, 'status') };
    const result = await addCalendarYear(deps, { ...actor(request), ...values });
    if (result.kind === 'invalid') return sendYears(reply, { values, errors: result.errors }, 422);
    return reply.redirect(`/admin/calendar/${result.year}?done=added`, 303);
  });

  app.get<ByYear>('/admin/calendar/:year', { config }, async (request, reply) => sendYear(reply, request.params.year, { notice: notice(request) }));

  app.post<ByYear & Form>('/admin/calendar/:year/days', post, async (request, reply) => {
    const year = Number(request.params.year);
    const values = { date: field(request.body, 'date'), type: field(request.body, 'type') };
    const result = YEAR.test(request.params.year) ? await markCalendarDay(deps, { ...actor(request), year, ...values, mode: 'add' }) : ({ kind: 'not_found' } as const);
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'invalid') return sendYear(reply, request.params.year, { values, errors: result.errors }, 422);
    return reply.redirect(`/admin/calendar/${year}?done=marked#marked`, 303);
  });

  app.post<ByDate & Form>('/admin/calendar/:year/days/:date', post, async (request, reply) => {
    const { date } = request.params;
    const year = Number(request.params.year);
    const valid = YEAR.test(request.params.year) && DATE.test(date);
    const result = valid ? await markCalendarDay(deps, { ...actor(request), year, date, type: field(request.body, 'type'), mode: 'change' }) : ({ kind: 'not_found' } as const);
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'invalid') {
      const message = [result.errors.date, result.errors.type].filter(Boolean).join(' ');
      return sendYear(reply, request.params.year, { rowError: { date, message } }, 422);
    }
    return reply.redirect(`/admin/calendar/${year}?done=${result.kind === 'saved' ? 'changed' : 'unchanged'}#day-${date}`, 303);
  });

  app.post<ByDate>('/admin/calendar/:year/days/:date/delete', post, async (request, reply) => {
    const { date } = request.params;
    const year = Number(request.params.year);
    const valid = YEAR.test(request.params.year) && DATE.test(date);
    const result = valid ? await removeCalendarDay(deps, { ...actor(request), year, date }) : ({ kind: 'not_found' } as const);
    // Removed already (a second click, another admin): the page shows the calendar as it is.
    if (result.kind === 'not_found' && !(valid && (await calendarYearStatus(deps.db, year)))) return sendErrorPage(reply, 404);
    return reply.redirect(`/admin/calendar/${year}?done=${result.kind === 'removed' ? 'removed' : 'unchanged'}#marked`, 303);
  });

  app.post<ByYear & Form>('/admin/calendar/:year/status', post, async (request, reply) => {
    const year = Number(request.params.year);
    const result = YEAR.test(request.params.year) ? await setCalendarYearStatus(deps, { ...actor(request), year, status: field(request.body, 'status') }) : ({ kind: 'not_found' } as const);
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'invalid') return sendYear(reply, request.params.year, {}, 422);
    return reply.redirect(`/admin/calendar/${year}?done=${result.kind === 'changed' ? 'status' : 'unchanged'}`, 303);
  });

  // «Скрыть на неделю» on the warning every back-office page shows in December: for everyone who sees it.
  app.post<Form>('/admin/calendar-warning/hide', { preHandler: app.csrfProtection, config: { staff: 'profile.edit' } }, async (request, reply) => {
    await hideCalendarWarning(deps, { staffId: request.staff!.id });
    return reply.redirect(backOfficePath(field(request.body, 'back')), 303);
  });

  async function sendYears(reply: FastifyReply, props: Omit<CalendarYearsPageProps, 'years' | 'csrfToken'>, status = 200) {
    const years = await listCalendarYears(deps.db);
    return sendAdminPage(reply, { title: 'Производственный календарь', status }, <CalendarYearsPage years={years} csrfToken={reply.generateCsrf()} {...props} />);
  }

  type YearExtras = Omit<CalendarYearPageProps, 'year' | 'status' | 'days' | 'csrfToken'>;
  async function sendYear(reply: FastifyReply, yearParam: string, props: YearExtras, code = 200) {
    const year = Number(yearParam);
    const status = YEAR.test(yearParam) ? await calendarYearStatus(deps.db, year) : undefined;
    if (!status) return sendErrorPage(reply, 404);
    const days = await calendarDaysOfYear(deps.db, year);
    return sendAdminPage(
      reply,
      { title: `Календарь на ${year} год`, status: code },
      <CalendarYearPage year={year} status={status} days={days} csrfToken={reply.generateCsrf()} {...props} />,
    );
  }
}
