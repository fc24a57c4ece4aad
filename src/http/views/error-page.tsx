import type { FastifyReply } from 'fastify';
import { sendPage } from './page.js';

const texts: Record<number, { title: string; message: string }> = {
  403: {
    title: 'Форма устарела',
    message: 'Мы не смогли подтвердить, что форму отправили вы. Обновите страницу и отправьте её ещё раз.',
  },
  404: { title: 'Страница не найдена', message: 'Такой страницы нет. Возможно, ссылка устарела или в ней опечатка.' },
  405: { title: 'Так нельзя', message: 'Этот адрес не принимает такой запрос.' },
  410: { title: 'Ссылка устарела', message: 'Эта ссылка уже использована или срок её действия истёк.' },
  413: { title: 'Слишком много данных', message: 'Форма получилась слишком большой. Сократите текст и отправьте снова.' },
  415: { title: 'Неверный формат', message: 'Форма отправлена в неподдерживаемом формате. Обновите страницу и отправьте её снова.' },
  429: { title: 'Слишком много запросов', message: 'Слишком много запросов подряд. Подождите немного и попробуйте снова.' },
  503: { title: 'Сервис временно недоступен', message: 'Мы уже разбираемся. Попробуйте ещё раз через минуту.' },
};
const fallback4xx = { title: 'Запрос не получился', message: 'Проверьте адрес и данные и попробуйте снова.' };
const fallback5xx = { title: 'Что-то пошло не так', message: 'На нашей стороне произошла ошибка. Попробуйте ещё раз чуть позже.' };

/** A Russian error page that reveals nothing internal. */
export function sendErrorPage(reply: FastifyReply, status: number, detail?: string): FastifyReply {
  const text = texts[status] ?? (status >= 500 ? fallback5xx : fallback4xx);
  return sendPage(
    reply,
    { title: text.title, status },
    <section class="error-page">
      <h1>{text.title}</h1>
      <p>{detail ?? text.message}</p>
      <p>
        <a class="button" href="/">
          Перейти к услугам
        </a>
      </p>
    </section>,
  );
}
