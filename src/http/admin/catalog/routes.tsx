import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createService } from '../../../actions/catalog/create-service.js';
import { setServiceActive } from '../../../actions/catalog/set-service-active.js';
import { updateService } from '../../../actions/catalog/update-service.js';
import { serviceFormValues, valuesOfService, type ServiceFormErrors, type ServiceFormValues } from '../../../domain/catalog/service-form.js';
import { findServiceById, listAllServices } from '../../../db/queries/admin-catalog.js';
import type { Service } from '../../../db/queries/catalog.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pickUtm, type Utm } from '../../../domain/marketing/utm.js';
import { formatRub } from '../../../domain/money.js';
import { TildaPanel } from './tilda-panel.js';
import { removeServiceImage } from '../../../actions/catalog/remove-service-image.js';
import { setServiceImage } from '../../../actions/catalog/set-service-image.js';
import { serviceImageOf } from '../../../db/queries/storefront.js';
import { ImagePanel, type ImagePanelProps } from './image-panel.js';
import { parseMultipart, UPLOAD_BODY_LIMIT, uploadOf } from './image-upload.js';
import { CatalogListPage } from './catalog-list-page.js';
import { ServiceFormPage } from './service-form-page.js';

type Form = { Body: Record<string, unknown> | undefined };
type ById = { Params: { id: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notices: Record<string, string> = {
  created: 'Услуга добавлена и уже видна на сайте.',
  saved: 'Изменения сохранены и уже видны на сайте.',
  unchanged: 'Изменений не было.',
  deactivated: 'Услуга снята с продажи: на сайте её больше нет.',
  activated: 'Услуга снова в продаже.',
};

const imageNotices: Record<string, string> = {
  uploaded: 'Изображение загружено и уже на сайте.',
  alt_saved: 'Описание изображения сохранено.',
  image_removed: 'Изображение убрано с сайта.',
  image_unchanged: 'Изображения и так не было.',
};

/** The catalog editor: every service, sold or not; new services; terms; withdrawing from sale. */
export async function catalogArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'catalog.edit' } as const;
  const post = { preHandler: app.csrfProtection, config };
  const actor = (request: FastifyRequest) => ({ staffId: request.staff!.id, ip: request.ip });

  app.get<{ Querystring: { done?: string } }>('/admin/catalog', { config }, async (request, reply) => {
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return sendAdminPage(reply, { title: 'Каталог услуг' }, <CatalogListPage services={await listAllServices(deps.db)} csrfToken={reply.generateCsrf()} notice={notice} />);
  });

  app.get('/admin/catalog/new', { config }, async (_request, reply) => {
    const services = await listAllServices(deps.db);
    const nextOrder = Math.max(0, ...services.map((s) => s.sortOrder)) + 10;
    return sendForm(reply, undefined, { billing: 'fixed', sort_order: String(nextOrder) });
  });

  app.post<Form>('/admin/catalog/new', post, async (request, reply) => {
    const values = serviceFormValues(request.body ?? {});
    const result = await createService(deps, { ...actor(request), values });
    if (result.kind === 'invalid') return sendForm(reply, undefined, values, result.errors);
    return reply.redirect('/admin/catalog?done=created', 303);
  });

  app.get<ById & { Querystring: Record<string, unknown> }>('/admin/catalog/:id', { config }, async (request, reply) => {
    const service = await serviceOf(request.params.id);
    if (!service) return sendErrorPage(reply, 404);
    const done = typeof request.query.done === 'string' ? imageNotices[request.query.done] : undefined;
    return sendForm(reply, service, valuesOfService(service), undefined, pickUtm(request.query), { notice: done });
  });

  // The picture's form is multipart (a file); its parser lives in this area only (image-upload.ts).
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, parseMultipart);

  app.post<ById & Form>('/admin/catalog/:id/image', { ...post, bodyLimit: UPLOAD_BODY_LIMIT }, async (request, reply) => {
    const service = await serviceOf(request.params.id);
    if (!service) return sendErrorPage(reply, 404);
    const upload = uploadOf(request.body ?? {});
    const result = await setServiceImage(deps, { ...actor(request), serviceId: service.id, upload });
    switch (result.kind) {
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'invalid':
        return sendForm(reply, service, valuesOfService(service), undefined, {}, { alt: upload.alt, errors: result.errors }, 422);
      case 'uploaded':
      case 'alt_saved':
        return reply.redirect(`/admin/catalog/${service.id}?done=${result.kind}#image`, 303);
    }
  });

  app.post<ById>('/admin/catalog/:id/image/remove', post, async (request, reply) => {
    const service = await serviceOf(request.params.id);
    if (!service) return sendErrorPage(reply, 404);
    const result = await removeServiceImage(deps, { ...actor(request), serviceId: service.id });
    return reply.redirect(`/admin/catalog/${service.id}?done=${result.kind === 'removed' ? 'image_removed' : 'image_unchanged'}#image`, 303);
  });

  app.post<ById & Form>('/admin/catalog/:id', post, async (request, reply) => {
    const service = await serviceOf(request.params.id);
    if (!service) return sendErrorPage(reply, 404);
    const values = serviceFormValues(request.body ?? {});
    const result = await updateService(deps, { ...actor(request), serviceId: service.id, values });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'invalid') return sendForm(reply, service, values, result.errors);
    return reply.redirect(`/admin/catalog?done=${result.kind}`, 303);
  });

  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post<ById>(`/admin/catalog/:id/${verb}`, post, async (request, reply) => {
      if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
      const result = await setServiceActive(deps, { ...actor(request), serviceId: request.params.id, active });
      if (result.kind === 'not_found') return sendErrorPage(reply, 404);
      return reply.redirect(`/admin/catalog?done=${result.kind === 'changed' ? `${verb}d` : 'unchanged'}`, 303);
    });
  }

  async function serviceOf(id: string): Promise<Service | undefined> {
    return UUID.test(id) ? findServiceById(deps.db, id) : undefined;
  }

  async function sendForm(
    reply: FastifyReply,
    service: Service | undefined,
    values: ServiceFormValues,
    errors?: ServiceFormErrors,
    utm: Utm = {},
    image: Pick<ImagePanelProps, 'alt' | 'errors' | 'notice'> = {},
    status = errors ? 422 : 200,
  ) {
    const title = service ? `Услуга: ${service.title}` : 'Новая услуга';
    // Only a service on sale can be sold from Tilda; its saved slug, not one being edited.
    const tilda = service?.active && (
      <TildaPanel
        serviceId={service.id}
        snippet={{ publicUrl: deps.config.PUBLIC_URL, slug: service.slug, buttonText: `Заказать за ${formatRub(service.priceKopecks)}`, utm }}
        framable={deps.config.FRAME_ANCESTORS.length > 0}
      />
    );
    return sendAdminPage(
      reply,
      { title, status },
      <>
        <ServiceFormPage service={service} values={values} errors={errors} csrfToken={reply.generateCsrf()} />
        {service && <ImagePanel serviceId={service.id} image={await serviceImageOf(deps.db, service.id)} csrfToken={reply.generateCsrf()} {...image} />}
        {tilda}
      </>,
    );
  }
}
