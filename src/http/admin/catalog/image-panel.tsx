import type { ImageUploadErrors } from '../../../domain/catalog/service-image.js';
import type { ServiceImage } from '../../../db/queries/storefront.js';
import { ServicePicture } from '../../storefront/service-picture.js';
import { ErrorSummary } from '../../views/form-kit.js';

export interface ImagePanelProps {
  serviceId: string;
  image: ServiceImage | undefined;
  csrfToken: string;
  /** The alt text typed, shown again with the errors. */
  alt?: string;
  errors?: ImageUploadErrors;
  notice?: string;
}

const labels = { file: 'Файл', alt: 'Описание изображения' };

/** The service's picture on the storefront: upload or replace (with its alt text), change the text, remove. */
export function ImagePanel({ serviceId, image, csrfToken, alt, errors = {}, notice }: ImagePanelProps) {
  const action = `/admin/catalog/${serviceId}/image`;
  return (
    <section class="panel catalog-image" id="image" aria-labelledby="image-title">
      <h2 id="image-title">Изображение на сайте</h2>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {image ? (
        <div class="catalog-image-current">
          <ServicePicture image={image} sizes="240px" />
          <p class="hint">
            {image.width}×{image.height} px, размеры {image.widths.join(', ')} px в WebP и JPEG.
          </p>
        </div>
      ) : (
        <p class="hint">Изображения нет: карточка услуги показывается без картинки.</p>
      )}
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <ErrorSummary errors={errors} labels={labels} />
        <div class={`field${errors.file ? ' field-error' : ''}`}>
          <label for="field-file">{image ? 'Новый файл (необязательно)' : labels.file}</label>
          <p class="hint" id="hint-file">
            JPEG, PNG или WebP до 5 МБ, не меньше 320 пикселей в ширину; лучше 1440 и шире. Сайт сам сделает уменьшенные копии.
          </p>
          {errors.file && (
            <p class="error" id="error-file">
              {errors.file}
            </p>
          )}
          <input type="file" id="field-file" name="file" accept="image/jpeg,image/png,image/webp" aria-describedby={errors.file ? 'error-file hint-file' : 'hint-file'} />
        </div>
        <div class={`field${errors.alt ? ' field-error' : ''}`}>
          <label for="field-alt">{labels.alt}</label>
          <p class="hint" id="hint-alt">
            Обязательно. Что изображено, одной фразой: «Менеджер проверяет настройки сайта на ноутбуке».
          </p>
          {errors.alt && (
            <p class="error" id="error-alt">
              {errors.alt}
            </p>
          )}
          <input
            type="text"
            id="field-alt"
            name="alt"
            maxLength={200}
            autocomplete="off"
            value={alt ?? image?.alt ?? ''}
            aria-invalid={errors.alt ? 'true' : undefined}
            aria-describedby={errors.alt ? 'error-alt hint-alt' : 'hint-alt'}
          />
        </div>
        <button type="submit" class="button">
          {image ? 'Сохранить' : 'Загрузить'}
        </button>
      </form>
      {image && (
        <form method="post" action={`${action}/remove`} class="catalog-image-remove">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button button-small button-danger">
            Убрать изображение
          </button>
        </form>
      )}
    </section>
  );
}
