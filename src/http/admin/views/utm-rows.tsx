import { storedUtm, utmColumns } from '../../../domain/marketing/utm.js';

/** «Откуда пришёл»: the UTM tags an order or a lead arrived with, inside a <dl>; nothing when there are none. */
export function UtmRows({ record }: { record: ReturnType<typeof utmColumns> }) {
  const tags = storedUtm(record);
  if (tags.length === 0) return null;
  return (
    <>
      <dt>Откуда пришёл</dt>
      <dd>
        <ul class="utm-tags">
          {tags.map(([field, value]) => (
            <li>
              <code>{field}</code>: {value}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** The same tags in one line of a table cell. */
export function UtmLine({ record }: { record: ReturnType<typeof utmColumns> }) {
  const tags = storedUtm(record);
  if (tags.length === 0) return null;
  return <p class="hint utm-tags">Откуда пришёл: {tags.map(([field, value]) => `${field}=${value}`).join(', ')}</p>;
}
