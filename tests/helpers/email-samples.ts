import { companyFrom } from '../../src/company.js';
import { parseConfig } from '../../src/config.js';
import { wordingsWith } from '../../src/domain/content/email-wording.js';
import { accessActiveEmail } from '../../src/email/templates/access-active.js';
import { backupDrillFailedEmail } from '../../src/email/templates/backup-drill-failed.js';
import { callbackEscalationEmail } from '../../src/email/templates/callback-escalation.js';
import type { EmailContent } from '../../src/email/templates/content.js';
import { credentialsEmail } from '../../src/email/templates/credentials.js';
import { emailChangeConfirmEmail, emailChangeNoticeEmail } from '../../src/email/templates/email-change.js';
import { extraHoursRequestEmail } from '../../src/email/templates/extra-hours-request.js';
import { gatewayIdConflictEmail } from '../../src/email/templates/gateway-id-conflict.js';
import { orderConfirmation } from '../../src/email/templates/order-confirmation.js';
import { passwordResetEmail } from '../../src/email/templates/password-reset.js';
import { paymentCancelledEmail } from '../../src/email/templates/payment-cancelled.js';
import { refundMadeEmail } from '../../src/email/templates/refund-made.js';
import { orderMessageEmail } from '../../src/email/templates/order-message.js';
import { resultsReadyEmail } from '../../src/email/templates/results-ready.js';
import { serviceAddedEmail } from '../../src/email/templates/service-added.js';
import { specificationAgreedEmail } from '../../src/email/templates/specification-agreed.js';
import { staffInvitationEmail } from '../../src/email/templates/staff-invitation.js';
import { surchargeInvoiceEmail, surchargePaidEmail } from '../../src/email/templates/surcharge-invoice.js';
import { verifyEmailEmail } from '../../src/email/templates/verify-email.js';

// One rendering of every email the shop sends, with the demo company's details and likely data: what
// the spam check scores. A new template belongs here too.

const sender = { company: companyFrom(parseConfig({})), emails: wordingsWith({}) };
const site = 'https://shop.example.ru';
const ref = 'K5ChHM3Kl2B2VusRYQSuqudE';
const at = new Date('2026-11-24T11:20:00+03:00');
const later = new Date('2026-11-27T11:20:00+03:00');
const customerName = 'Иван Петров';

export const emailSamples: Record<string, EmailContent> = {
  order_confirmation: orderConfirmation(
    { customerName, orderNumber: 'У-1042', serviceTitle: 'Лендинг под ключ', priceKopecks: 4_990_000, paidKopecks: 4_990_000, card: { brand: 'VISA', last4: '1981' }, paidAt: at, publicUrl: site, orderRef: ref, managerDeadline: 'во вторник, 24 ноября, до 12:20' },
    sender,
  ),
  credentials: credentialsEmail({ customerName, orderNumber: 'У-1042', login: 'ivan.petrov', temporaryPassword: 'вК7-пр2-зм9', loginUrl: `${site}/account/login`, validUntil: later }, sender),
  verify_email: verifyEmailEmail({ customerName, verifyUrl: `${site}/account/verify-email#token=abc123`, validUntil: later }, sender),
  service_added: serviceAddedEmail({ customerName, orderNumber: 'У-1042', serviceTitle: 'Лендинг под ключ', accountUrl: `${site}/account` }, sender),
  access_active: accessActiveEmail({ customerName, login: 'ivan.petrov', accountUrl: `${site}/account` }, sender),
  password_reset: passwordResetEmail({ customerName, resetUrl: `${site}/account/password/reset#token=abc123`, validUntil: later }, sender),
  email_change_confirm: emailChangeConfirmEmail({ customerName, newEmail: 'ivan.new@example.ru', confirmUrl: `${site}/account/email/confirm#token=abc123`, validUntil: later }, sender),
  email_change_notice: emailChangeNoticeEmail({ customerName, newEmail: 'ivan.new@example.ru' }, sender),
  staff_invitation: staffInvitationEmail({ name: 'Ольга Смирнова', role: 'manager', invitedBy: 'Анна Кузнецова', link: `${site}/admin/invite#token=abc123`, validHours: 72 }, sender),
  callback_escalation: callbackEscalationEmail(
    { staffName: 'Ольга Смирнова', orderNumber: 'У-1042', serviceTitle: 'Лендинг под ключ', customerName, paidAt: at, dueAt: later, assignedName: 'Пётр Сидоров', cardUrl: `${site}/admin/orders/0d6b1f5e` },
    sender,
  ),
  specification_agreed: specificationAgreedEmail(
    { customerName, orderNumber: 'У-1042', serviceTitle: 'Лендинг под ключ', text: 'Одна страница, форма заявки, адаптивная вёрстка.', agreedMinutes: 600, orderUrl: `${site}/account/orders/${ref}`, revised: false },
    sender,
  ),
  extra_hours_request: extraHoursRequestEmail(
    { customerName, orderNumber: 'У-1042', serviceTitle: 'Лендинг под ключ', minutes: 120, hourlyRateKopecks: 250_000, note: 'Нужно перенести ещё две формы заявки.', orderUrl: `${site}/account/orders/${ref}#extra-hours` },
    sender,
  ),
  surcharge_invoice: surchargeInvoiceEmail(
    { customerName, orderNumber: 'У-1042', invoiceNumber: 'У-1042-Д1', serviceTitle: 'Лендинг под ключ', workedMinutes: 720, includedHours: 10, extraMinutes: 120, hourlyRateKopecks: 250_000, proposedKopecks: 500_000, amountKopecks: 500_000, reason: null, invoiceUrl: `${site}/account/invoices/${ref}` },
    sender,
  ),
  surcharge_paid: surchargePaidEmail({ customerName, orderNumber: 'У-1042', invoiceNumber: 'У-1042-Д1', serviceTitle: 'Лендинг под ключ', amountKopecks: 500_000, invoiceUrl: `${site}/account/invoices/${ref}` }, sender),
  payment_cancelled: paymentCancelledEmail({ customerName, number: 'У-1042', serviceTitle: 'Лендинг под ключ', amountKopecks: 4_990_000, card: 'VISA •• 1981', surcharge: false, publicUrl: site, orderRef: ref }, sender),
  refund_made: refundMadeEmail(
    { customerName, number: 'У-1042', serviceTitle: 'Лендинг под ключ', amountKopecks: 1_000_000, paidKopecks: 4_990_000, refundedKopecks: 1_000_000, card: 'VISA •• 1981', surcharge: false, publicUrl: site, orderRef: ref },
    sender,
  ),
  backup_drill_failed: backupDrillFailedEmail(
    { adminName: 'Анна Кузнецова', drilledAt: at, backupFile: 'uslugi-20261124T003000.000Z.backup', backupTakenAt: at, error: 'файл повреждён', differences: [], pageUrl: `${site}/admin/backups` },
    sender,
  ),
  gateway_payment_id_conflict: gatewayIdConflictEmail({ adminName: 'Анна Кузнецова', at, orderNumber: 'У-1042', gatewayPaymentId: '100000', heldByOrderNumber: 'У-1017', cardUrl: `${site}/admin/orders/0d6b1f5e` }, sender),
  results_ready: resultsReadyEmail({ customerName, serviceTitle: 'Лендинг под ключ', orderNumber: 'У-1042', count: 2, orderUrl: `${site}/account/orders/${ref}#results` }, sender),
  order_message: orderMessageEmail({ customerName, serviceTitle: 'Лендинг под ключ', orderNumber: 'У-1042', orderUrl: `${site}/account/orders/${ref}#messages` }, sender),
};
