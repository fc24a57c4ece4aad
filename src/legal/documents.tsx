import type { Company } from '../domain/content/company-details.js';
import { acceptancePeriodWords } from '../domain/orders/acceptance.js';
import { inlinePlaceholders, parseLegalText, type InlinePlaceholder } from '../domain/content/legal-text.js';

// A legal text's markup as a page: text nodes only (preact escapes them), never HTML from the database.
// The company's details come in at render time, so a new phone number shows in every version at once.

/** What the shop has switched on that a text must mention. */
export interface LegalSettings {
  /** YANDEX_METRIKA_ID is set: the privacy policy names Yandex Metrika. */
  metrika: boolean;
  /** PUBLIC_URL, for {сайт}. */
  siteUrl: string;
  /** ACCEPTANCE_WORKING_DAYS, for {срок приёмки}: the offer states the period the system applies. */
  acceptanceDays: number;
}

function inlineValues(company: Company, settings: LegalSettings): Record<InlinePlaceholder, string> {
  return {
    '{название}': company.name,
    '{инн}': company.inn,
    '{огрн}': company.ogrn,
    '{адрес}': company.address,
    '{телефон}': company.phone,
    '{почта}': company.email,
    '{сайт}': settings.siteUrl,
    '{срок приёмки}': acceptancePeriodWords(settings.acceptanceDays),
  };
}

const PLACEHOLDER = new RegExp(Object.keys(inlinePlaceholders).map((key) => key.replace(/[{}]/g, '\\$&')).join('|'), 'g');

/** The company's details in one paragraph, with the bank's when entered. */
export function requisitesLine(company: Company): string {
  const parts = [
    company.name,
    `ИНН ${company.inn}`,
    ...(company.kpp ? [`КПП ${company.kpp}`] : []),
    `${company.ogrn.length === 15 ? 'ОГРНИП' : 'ОГРН'} ${company.ogrn}`,
    `адрес: ${company.address}`,
    `телефон: ${company.phone}`,
    `электронная почта: ${company.email}`,
  ];
  const bank = company.bank
    ? [`расчётный счёт ${company.bank.settlementAccount} в ${company.bank.name}`, `БИК ${company.bank.bik}`, `корреспондентский счёт ${company.bank.correspondentAccount}`]
    : [];
  return `${[...parts, ...bank].join(', ')}.`;
}

function Metrika() {
  return (
    <>
      <h2>Веб-аналитика</h2>
      <p>
        Сайт использует сервис веб-аналитики Яндекс Метрика (ООО «Яндекс», 119021, г. Москва, ул. Льва Толстого, д. 16). Метрика получает файлы cookie,
        IP-адрес, сведения о браузере и устройстве, адреса просмотренных страниц и источник перехода, а после оплаты — номер заказа, название услуги и
        сумму. Имя, адрес электронной почты и телефон в Метрику не передаются. Цель — статистика посещаемости и продаж для улучшения сайта. Отказаться
        можно, запретив файлы cookie в настройках браузера или установив блокировщик Метрики.
      </p>
    </>
  );
}

export function LegalBody({ body, company, settings }: { body: string; company: Company; settings: LegalSettings }) {
  const values = inlineValues(company, settings);
  const fill = (text: string) => text.replace(PLACEHOLDER, (token) => values[token as InlinePlaceholder]);
  return (
    <>
      {parseLegalText(body).map((block) => {
        switch (block.kind) {
          case 'heading':
            return <h2>{fill(block.text)}</h2>;
          case 'paragraph':
            return <p>{fill(block.text)}</p>;
          case 'list':
            return (
              <ul>
                {block.items.map((item) => (
                  <li>{fill(item)}</li>
                ))}
              </ul>
            );
          case 'placeholder':
            return block.name === '{реквизиты}' ? <p>{requisitesLine(company)}</p> : settings.metrika ? <Metrika /> : null;
        }
      })}
    </>
  );
}
