// How the audit log viewer names and links the record an entry is about. Records without a page of
// their own (a payment attempt, a surcharge invoice) lead to their order when the entry names it.

const entityNames: Record<string, string> = {
  order: 'Заказ',
  client: 'Клиент',
  email: 'Письмо',
  staff: 'Сотрудник',
  service: 'Услуга',
  invoice: 'Счёт на доплату',
  payment_attempt: 'Платёж',
  calendar_day: 'День календаря',
  calendar_year: 'Год календаря',
  lead: 'Заявка',
  receipt: 'Чек',
  faq: 'Вопрос и ответ',
  backup: 'Резервная копия',
  company_details: 'Реквизиты компании',
  legal_version: 'Редакция документа',
  email_type: 'Текст письма',
  webhook_endpoint: 'Получатель вебхуков',
  webhook_delivery: 'Отправка вебхука',
  bank_statement: 'Выписка банка',
};

export const auditEntityName = (entity: string): string => entityNames[entity] ?? entity;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The back-office page showing the record, or null when there is none. */
export function auditRecordHref(entry: { entity: string; entityId: string | null; details: Record<string, unknown> }): string | null {
  const id = entry.entityId && UUID.test(entry.entityId) ? entry.entityId : null;
  switch (entry.entity) {
    case 'order':
      return id && `/admin/orders/${id}`;
    case 'client':
      return id && `/admin/clients/${id}`;
    case 'email':
      return id && `/admin/emails/${id}`;
    case 'staff':
      return '/admin/staff';
    case 'service':
      return '/admin/catalog';
    case 'calendar_day':
    case 'calendar_year':
      return '/admin/calendar';
    case 'bank_statement':
      return id && `/admin/transfers/statements/${id}`;
    default: {
      const orderId = entry.details.orderId;
      return typeof orderId === 'string' && UUID.test(orderId) ? `/admin/orders/${orderId}` : null;
    }
  }
}
