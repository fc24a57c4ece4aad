import { imageUrl, type ImageFormat } from '../../domain/catalog/service-image.js';
import type { ServiceImage } from '../../db/queries/storefront.js';

const srcset = (image: ServiceImage, format: ImageFormat) => image.widths.map((w) => `${imageUrl(image.hash, w, format)} ${w}w`).join(', ');

/**
 * A service's picture: WebP for browsers that take it, JPEG otherwise, the width the layout needs
 * (`sizes`), with its size in pixels so the page does not jump while it loads. Below the fold
 * (catalog cards) it loads lazily.
 */
export function ServicePicture({ image, sizes, lazy }: { image: ServiceImage; sizes: string; lazy?: boolean }) {
  const smallest = image.widths[0]!;
  return (
    <picture>
      <source type="image/webp" srcset={srcset(image, 'webp')} sizes={sizes} />
      <img
        class="service-picture"
        src={imageUrl(image.hash, smallest, 'jpeg')}
        srcset={srcset(image, 'jpeg')}
        sizes={sizes}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={lazy ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  );
}
