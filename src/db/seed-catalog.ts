import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { services } from './schema/index.js';

type NewService = typeof services.$inferInsert;

/** A small digital agency's catalog, so a fresh install has something to sell. */
export const demoCatalog: NewService[] = [
  {
    slug: 'landing-page',
    title: 'Лендинг под ключ',
    summary: 'Одностраничный сайт для запуска продукта или рекламной кампании за 10 рабочих дней.',
    description: [
      'Соберём продающую страницу: структура, тексты, дизайн, адаптивная вёрстка и публикация на вашем домене.',
      'Что входит:\n- интервью и прототип структуры\n- дизайн в фирменном стиле\n- вёрстка для телефонов и компьютеров\n- форма заявки и подключение аналитики',
      'Срок — 10 рабочих дней после согласования технического задания.',
    ].join('\n\n'),
    priceKopecks: 4_500_000,
    billing: 'fixed',
    sortOrder: 10,
  },
  {
    slug: 'site-support',
    title: 'Техническая поддержка сайта',
    summary: 'Доработки, обновления и исправления на вашем сайте. В пакет входит 5 часов работы.',
    description: [
      'Берём на себя мелкие и средние задачи по сайту: правки вёрстки, обновление модулей, перенос на новый хостинг, исправление ошибок.',
      'В стоимость входит 5 часов работы специалиста. Если задача потребует больше времени, менеджер заранее согласует объём, а дополнительные часы оплачиваются по ставке пакета.',
    ].join('\n\n'),
    priceKopecks: 1_500_000,
    billing: 'hourly',
    includedHours: 5,
    hourlyRateKopecks: 300_000,
    sortOrder: 20,
  },
  {
    slug: 'seo-audit',
    title: 'SEO-аудит',
    summary: 'Проверим сайт на технические ошибки и дадим план работ для роста в Яндексе и Google.',
    description: [
      'Изучим индексацию, скорость загрузки, структуру и метаданные страниц, внешние ссылки и конкурентов.',
      'Результат:\n- отчёт с найденными проблемами и их приоритетом\n- план работ на три месяца\n- созвон на 30 минут с разбором отчёта',
    ].join('\n\n'),
    priceKopecks: 2_000_000,
    billing: 'fixed',
    sortOrder: 30,
  },
  {
    slug: 'context-ads',
    title: 'Настройка контекстной рекламы',
    summary: 'Запустим рекламу в Яндекс Директе: семантика, объявления, ретаргетинг. 8 часов работы.',
    description: [
      'Соберём семантическое ядро, напишем объявления, настроим цели и ретаргетинг, запустим кампании и передадим доступы.',
      'В пакет входит 8 часов работы специалиста. Дополнительные часы — по ставке пакета, только после согласования с вами.',
    ].join('\n\n'),
    priceKopecks: 2_800_000,
    billing: 'hourly',
    includedHours: 8,
    hourlyRateKopecks: 350_000,
    sortOrder: 40,
  },
  {
    slug: 'brand-identity',
    title: 'Логотип и фирменный стиль',
    summary: 'Логотип, цвета, шрифты и шаблоны для соцсетей с руководством по использованию.',
    description: [
      'Три концепции логотипа на выбор, доработка выбранной, палитра, подбор шрифтов и шаблоны для социальных сетей.',
      'Передаём исходники в векторе и краткое руководство по фирменному стилю.',
    ].join('\n\n'),
    priceKopecks: 3_500_000,
    billing: 'fixed',
    sortOrder: 50,
  },
];

/** Inserts the demo catalog only into an empty catalog, so it never overwrites a real one. */
export async function seedDemoCatalog(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Serialises concurrent first starts (several processes on one PostgreSQL).
    await tx.execute(sql`lock table ${services} in exclusive mode`);
    const [existing] = await tx.select({ id: services.id }).from(services).limit(1);
    if (existing) return false;
    await tx.insert(services).values(demoCatalog);
    return true;
  });
}
