import { utmFields, type Utm } from '../../../domain/marketing/utm.js';
import { buttonSnippet, buyLink, frameSnippet, type SnippetInput } from '../../../domain/marketing/tilda-snippet.js';

export interface TildaPanelProps {
  serviceId: string;
  snippet: SnippetInput;
  /** FRAME_ANCESTORS is set: offer the frame too. */
  framable: boolean;
}

const utmHints: Record<keyof Utm, string> = {
  utm_source: 'Источник, например «tilda» или «vk»',
  utm_medium: 'Канал, например «site» или «cpc»',
  utm_campaign: 'Кампания, например «spring-2026»',
  utm_content: 'Вариант объявления или кнопки',
  utm_term: 'Ключевое слово',
};

/**
 * «Продажа через Tilda» on a service's page in the catalog: the link and the code to paste into a Tilda
 * block (docs/tilda.md). The UTM form is a GET: nothing is saved, the tags only go into the link.
 */
export function TildaPanel({ serviceId, snippet, framable }: TildaPanelProps) {
  return (
    <section class="panel tilda-panel" aria-labelledby="tilda-title" id="tilda">
      <h2 id="tilda-title">Продажа через сайт на Tilda</h2>
      <p>
        Вставьте кнопку в блок «HTML-код» (T123) на странице Tilda: она откроет форму заказа этой услуги в новой вкладке, оплата — через
        Freedom Pay, заказ появится в очереди звонков. Пошаговая инструкция — в docs/tilda.md.
      </p>
      <form method="get" action={`/admin/catalog/${serviceId}#tilda`} class="tilda-utm">
        <p class="hint">Метки UTM (необязательно): по ним в карточке заказа видно, откуда пришёл клиент.</p>
        {utmFields.map((field) => (
          <div class="field">
            <label for={`utm-${field}`}>{field}</label>
            <input id={`utm-${field}`} name={field} value={snippet.utm[field] ?? ''} maxLength={200} placeholder={utmHints[field]} autocomplete="off" />
          </div>
        ))}
        <button type="submit" class="button button-small">
          Обновить ссылку и код
        </button>
      </form>
      <Copyable id="tilda-link" label="Ссылка на покупку" text={buyLink(snippet)} rows={2} />
      <Copyable id="tilda-button" label="Кнопка для блока «HTML-код»" text={buttonSnippet(snippet)} rows={5} />
      {framable ? (
        <Copyable id="tilda-frame" label="Услуга внутри страницы Tilda (iframe)" text={frameSnippet(snippet)} rows={4}
          hint="В рамке видны описание и цена; кнопка «Оформить заказ» открывает форму в новой вкладке: внутри чужого сайта браузер не даёт форме работать." />
      ) : (
        <p class="hint">Показ услуги внутри страницы Tilda (iframe) выключен: адрес сайта нужно указать в настройке FRAME_ANCESTORS.</p>
      )}
    </section>
  );
}

function Copyable({ id, label, text, rows, hint }: { id: string; label: string; text: string; rows: number; hint?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      <textarea id={id} rows={rows} readonly class="tilda-code">
        {text}
      </textarea>
    </div>
  );
}
