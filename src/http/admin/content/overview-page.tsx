import type { Company } from '../../../domain/content/company-details.js';
import { clientEmailTypes, defaultWording, type ClientEmailType, type EmailWordings } from '../../../domain/content/email-wording.js';
import { editionLabel, legalDocuments, legalTitles, type LegalVersion } from '../../../domain/content/legal-versions.js';

export interface ContentOverviewProps {
  company: Company;
  fromSettings: boolean;
  legal: { current: LegalVersion | null; upcoming: LegalVersion[] }[];
  emails: EmailWordings;
}

const edited = (emails: EmailWordings, type: ClientEmailType) => {
  const w = emails[type];
  return w.greeting !== defaultWording.greeting || w.signOff !== defaultWording.signOff || w.paragraph !== defaultWording.paragraph;
};

/** /admin/content: what the owner can edit, and where each stands. */
export function ContentOverviewPage({ company, fromSettings, legal, emails }: ContentOverviewProps) {
  return (
    <section class="content-editor">
      <h1>Тексты и реквизиты</h1>
      <p>Всё, что здесь меняется, видно клиентам сразу: на сайте, в письмах, в документах и кассовых чеках. Каждое изменение записывается в журнал действий.</p>
      <div class="panel">
        <h2>
          <a href="/admin/content/company">Реквизиты компании</a>
        </h2>
        <p>
          {company.name}, ИНН {company.inn}, телефон {company.phone}, {company.email}
        </p>
        {fromSettings && <p class="hint">Пока из настроек COMPANY_*; банковские реквизиты не указаны.</p>}
      </div>
      <div class="panel">
        <h2>Юридические тексты</h2>
        <ul class="content-list">
          {legalDocuments.map((document, i) => {
            const { current, upcoming } = legal[i]!;
            return (
              <li>
                <a href={`/admin/content/legal/${document}`}>{legalTitles[document]}</a>
                {current && <> — {editionLabel(current.effectiveDate).replace('Редакция', 'действует редакция')}</>}
                {upcoming.map((v) => (
                  <span class="badge badge-warn">{`с ${editionLabel(v.effectiveDate).replace('Редакция от ', '')} — новая`}</span>
                ))}
              </li>
            );
          })}
        </ul>
      </div>
      <div class="panel" id="emails">
        <h2>Письма клиентам</h2>
        <ul class="content-list">
          {(Object.keys(clientEmailTypes) as ClientEmailType[]).map((type) => (
            <li>
              <a href={`/admin/content/emails/${type}`}>{clientEmailTypes[type]}</a>
              {edited(emails, type) && <span class="badge badge-ok">изменено</span>}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
