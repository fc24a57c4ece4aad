import type { ClientEmailType } from '../../domain/content/email-wording.js';
import { accessActiveEmail } from './access-active.js';
import type { EmailContent } from './content.js';
import { credentialsEmail } from './credentials.js';
import { extraHoursRequestEmail } from './extra-hours-request.js';
import { emailChangeConfirmEmail, emailChangeNoticeEmail } from './email-change.js';
import { orderConfirmation } from './order-confirmation.js';
import { passwordResetEmail } from './password-reset.js';
import { paymentCancelledEmail } from './payment-cancelled.js';
import { refundMadeEmail } from './refund-made.js';
import { orderMessageEmail } from './order-message.js';
import { resultsReadyEmail } from './results-ready.js';
import type { EmailSender } from './sender.js';
import { serviceAddedEmail } from './service-added.js';
import { specificationAgreedEmail } from './specification-agreed.js';
import { surchargeInvoiceEmail, surchargePaidEmail } from './surcharge-invoice.js';
import { verifyEmailEmail } from './verify-email.js';
import { workAcceptedEmail } from './work-accepted.js';
import { workHandedOverEmail } from './work-handed-over.js';
import { bankInvoiceEmail } from './bank-invoice.js';

// Each client email with made-up data, for the wording editor's preview (/admin/content/emails): the
// owner sees their greeting, paragraph and sign-off in the real template, with no real client's data.

const customerName = 'Иван Петров';
const ref = 'K5ChHM3Kl2B2VusRYQSuqudE';
const at = new Date('2026-11-24T11:20:00+03:00');
const later = new Date('2026-11-27T11:20:00+03:00');
const serviceTitle = 'Лендинг под ключ';

export function sampleEmail(type: ClientEmailType, sender: EmailSender, site: string): EmailContent {
  switch (type) {
    case 'order_paid':
      return orderConfirmation(
        { customerName, orderNumber: 'У-1042', serviceTitle, priceKopecks: 4_990_000, paidKopecks: 4_990_000, card: { brand: 'VISA', last4: '1981' }, paidAt: at, publicUrl: site, orderRef: ref, managerDeadline: 'во вторник, 24 ноября, до 12:20' },
        sender,
      );
    case 'credentials':
      return credentialsEmail({ customerName, orderNumber: 'У-1042', login: 'ivan.petrov', temporaryPassword: 'пример-пароля', loginUrl: `${site}/account/login`, validUntil: later }, sender);
    case 'service_added':
      return serviceAddedEmail({ customerName, orderNumber: 'У-1042', serviceTitle, accountUrl: `${site}/account` }, sender);
    case 'verify_email':
      return verifyEmailEmail({ customerName, verifyUrl: `${site}/account/verify-email#token=example-token`, validUntil: later }, sender);
    case 'access_active':
      return accessActiveEmail({ customerName, login: 'ivan.petrov', accountUrl: `${site}/account` }, sender);
    case 'password_reset':
      return passwordResetEmail({ customerName, resetUrl: `${site}/account/password/reset#token=example-token`, validUntil: later }, sender);
    case 'email_change_confirm':
      return emailChangeConfirmEmail({ customerName, newEmail: 'ivan.new@example.ru', confirmUrl: `${site}/account/email/confirm#token=example-token`, validUntil: later }, sender);
    case 'email_change_notice':
      return emailChangeNoticeEmail({ customerName, newEmail: 'ivan.new@example.ru' }, sender);
    case 'specification_agreed':
      return specificationAgreedEmail(
        { customerName, orderNumber: 'У-1042', serviceTitle, text: 'Одна страница, форма заявки, адаптивная вёрстка.', agreedMinutes: 600, orderUrl: `${site}/account/orders/${ref}`, revised: false },
        sender,
      );
    case 'extra_hours_request':
      return extraHoursRequestEmail(
        { customerName, orderNumber: 'У-1042', serviceTitle, minutes: 120, hourlyRateKopecks: 250_000, note: 'Нужно ещё подключить форму к CRM.', orderUrl: `${site}/account/orders/${ref}#extra-hours` },
        sender,
      );
    case 'work_handed_over':
      return workHandedOverEmail({ customerName, serviceTitle, orderNumber: 'У-1042', lastDay: '4 декабря 2026 г.', period: '5 (пяти) рабочих дней', orderUrl: `${site}/account/orders/${ref}#acceptance` }, sender);
    case 'work_accepted':
      return workAcceptedEmail({ customerName, serviceTitle, orderNumber: 'У-1042', actTitle: 'Акт об оказании услуг № 17 от 27 ноября 2026 г.', acceptance: 'client', orderUrl: `${site}/account/orders/${ref}#act` }, sender);
    case 'surcharge_invoice':
      return surchargeInvoiceEmail(
        { customerName, orderNumber: 'У-1042', invoiceNumber: 'У-1042-Д1', serviceTitle, workedMinutes: 720, includedHours: 10, extraMinutes: 120, hourlyRateKopecks: 250_000, proposedKopecks: 500_000, amountKopecks: 500_000, reason: null, invoiceUrl: `${site}/account/invoices/${ref}` },
        sender,
      );
    case 'bank_invoice':
      return bankInvoiceEmail(
        {
          customerName,
          title: 'Счёт на оплату № 17 от 24.11.2026',
          description: serviceTitle,
          amountKopecks: 4_990_000,
          vat: 'Без НДС',
          payerName: 'ООО «Ромашка»',
          purpose: 'Оплата по счёту № 17 от 24.11.2026 за услуги. Без НДС',
          pdfUrl: `${site}/orders/${ref}/bank-invoice.pdf`,
          pageUrl: `${site}/orders/${ref}`,
        },
        sender,
      );
    case 'surcharge_paid':
      return surchargePaidEmail({ customerName, orderNumber: 'У-1042', invoiceNumber: 'У-1042-Д1', serviceTitle, amountKopecks: 500_000, invoiceUrl: `${site}/account/invoices/${ref}` }, sender);
    case 'payment_cancelled':
      return paymentCancelledEmail({ customerName, number: 'У-1042', serviceTitle, amountKopecks: 4_990_000, card: 'VISA •• 1981', surcharge: false, publicUrl: site, orderRef: ref }, sender);
    case 'refund_made':
      return refundMadeEmail(
        { customerName, number: 'У-1042', serviceTitle, amountKopecks: 1_000_000, paidKopecks: 4_990_000, refundedKopecks: 1_000_000, card: 'VISA •• 1981', surcharge: false, publicUrl: site, orderRef: ref },
        sender,
      );
    case 'results_ready':
      return resultsReadyEmail({ customerName, serviceTitle, orderNumber: 'У-1042', count: 2, orderUrl: `${site}/account/orders/${ref}#results` }, sender);
    case 'order_message':
      return orderMessageEmail({ customerName, serviceTitle, orderNumber: 'У-1042', orderUrl: `${site}/account/orders/${ref}#messages` }, sender);
  }
}
