// What each audit entry's action code means, in the words the audit log shows staff (issue 17). The
// codes stay stable in the database and in filters; people read the phrases. The audit writer takes
// only these codes (db/queries/audit.ts types `action` by this table), so a new action without words
// does not compile; audit-actions.test.ts also finds every code in the source.

export const auditActionWords = {
  'order.taken': 'Взят заказ в работу',
  'order.assigned': 'Заказ передан менеджеру',
  'order.contact_logged': 'Записан звонок или сообщение клиенту',
  'order.specification_agreed': 'Согласовано задание',
  'order.work_started': 'Начата работа',
  'order.hours_logged': 'Записаны часы работы',
  'order.extra_hours_requested': 'Клиенту отправлен запрос на дополнительные часы',
  'order.extra_hours_approved': 'Клиент одобрил дополнительные часы',
  'order.extra_hours_discussion': 'Клиент попросил обсудить дополнительные часы',
  'order.work_handed_over': 'Работа сдана клиенту на приёмку',
  'order.work_remarks': 'Клиент не принял работу: прислал замечания',
  'order.completed': 'Работа завершена',
  'order.callback_escalated': 'Срок звонка клиенту пропущен: оповещены менеджер и администраторы',
  'order.result_added': 'Добавлен результат работы (черновик)',
  'order.results_published': 'Результаты открыты клиенту, отправлено письмо',
  'order.result_removed': 'Результат работы убран, файл удалён',
  'order.message_sent': 'Клиенту отправлено сообщение по заказу',

  'payment.cancel_requested': 'Запрошена отмена платежа',
  'payment.refund_requested': 'Запрошен возврат денег',
  'payment.capture_requested': 'Запрошено списание заблокированных денег',
  'payment.cancel_succeeded': 'Платёж отменён',
  'payment.cancel_failed': 'Платёжный сервис отказал в отмене платежа',
  'payment.refund_succeeded': 'Деньги возвращены клиенту',
  'payment.refund_failed': 'Платёжный сервис отказал в возврате денег',
  'payment.gateway_id_conflict': 'Платёжный сервис повторил номер другого платежа',

  'invoice.issued': 'Выставлен счёт на доплату',
  'invoice.marked_paid': 'Счёт отмечен оплаченным (перевод или наличные)',
  'invoice.voided': 'Счёт на доплату отменён',

  'receipt.issued': 'Чек пробит',
  'receipt.failed': 'Чек не пробит: касса отказала',
  'receipt.reissued': 'Чек отправлен в кассу повторно',

  'lead.contacted': 'Заявке перезвонили',
  'lead.callback_escalated': 'Срок звонка по заявке пропущен: оповещены менеджеры и администраторы',

  'client.viewed': 'Открыта карточка клиента',
  'email.resent': 'Письмо отправлено повторно',

  'catalog.service_created': 'Добавлена услуга',
  'catalog.service_updated': 'Изменена услуга',
  'catalog.service_activated': 'Услуга снова в продаже',
  'catalog.service_deactivated': 'Услуга снята с продажи',
  'catalog.image_uploaded': 'Загружено изображение услуги',
  'catalog.image_alt_changed': 'Изменено описание изображения услуги',
  'catalog.image_removed': 'Изображение услуги убрано',
  'faq.created': 'Добавлен вопрос в «Вопросы и ответы»',
  'faq.updated': 'Изменён вопрос в «Вопросах и ответах»',
  'faq.deleted': 'Удалён вопрос из «Вопросов и ответов»',

  'calendar.year_added': 'Добавлен год в календарь',
  'calendar.year_status_changed': 'Изменён статус года в календаре',
  'calendar.day_added': 'Добавлен день в календарь',
  'calendar.day_changed': 'Изменён день календаря',
  'calendar.day_removed': 'Удалён день из календаря',

  'content.company_saved': 'Изменены реквизиты компании',
  'content.legal_version_published': 'Опубликована редакция документа',
  'content.legal_version_replaced': 'Заменена будущая редакция документа',
  'content.email_wording_saved': 'Изменён текст письма клиенту',

  'staff.first_admin_created': 'Создан первый администратор',
  'staff.invited': 'Приглашён сотрудник',
  'staff.invitation_accepted': 'Сотрудник принял приглашение',
  'staff.totp_enrolled': 'Подключено приложение для кодов входа',
  'staff.signed_in': 'Вход в систему управления',
  'staff.role': 'Изменена роль сотрудника',
  'staff.disable': 'Сотрудник отключён',
  'staff.reset_access': 'Доступ сотрудника сброшен, отправлено новое приглашение',
  'staff.telegram_linked': 'Подключён Telegram для уведомлений',
  'staff.telegram_unlinked': 'Отключён Telegram для уведомлений',
  'staff.notifications_changed': 'Изменены настройки уведомлений',

  'webhook.endpoint_created': 'Добавлен получатель вебхуков',
  'webhook.endpoint_updated': 'Изменён получатель вебхуков',
  'webhook.endpoint_enabled': 'Получатель вебхуков включён',
  'webhook.endpoint_disabled': 'Получатель вебхуков отключён',
  'webhook.secret_rotated': 'Сменён секрет получателя вебхуков',
  'webhook.test_sent': 'Отправлено тестовое событие',
  'webhook.resent': 'Событие отправлено получателю ещё раз',

  'backups.requested': 'Запрошена резервная копия',

  'transfer.recorded': 'Учтена оплата по счёту банковским переводом (без кассового чека)',
  'transfer.statement_uploaded': 'Загружена выписка банка',
  'transfer.order_withdrawn': 'Отменён заказ, ждавший оплаты по счёту',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof auditActionWords;

/** The area of an action code (its part before the dot), in words, for the log's filter. */
export const auditAreaWords: Record<string, string> = {
  order: 'Заказы',
  payment: 'Платежи',
  invoice: 'Счета на доплату',
  receipt: 'Чеки',
  lead: 'Заявки',
  client: 'Клиенты',
  email: 'Письма',
  catalog: 'Каталог',
  faq: 'Вопросы и ответы',
  calendar: 'Календарь',
  content: 'Тексты и реквизиты',
  staff: 'Сотрудники',
  webhook: 'Вебхуки',
  backups: 'Резервные копии',
  transfer: 'Оплаты по счетам',
};

export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(auditActionWords, code);

/** The phrase for a code; a code from an older version of the program, unknown now, is shown as it is. */
export const auditActionInWords = (code: string): string => (isAuditAction(code) ? auditActionWords[code] : code);

/** The filter's choices, grouped by area: «all of the area» (its prefix, «order.») then each action. */
export function auditActionChoices(): { area: string; label: string; choices: { value: string; label: string }[] }[] {
  const codes = Object.keys(auditActionWords) as AuditAction[];
  return Object.entries(auditAreaWords).map(([area, label]) => ({
    area,
    label,
    choices: [
      { value: `${area}.`, label: `${label}: все действия` },
      ...codes.filter((code) => code.startsWith(`${area}.`)).map((code) => ({ value: code, label: auditActionWords[code] })),
    ],
  }));
}
