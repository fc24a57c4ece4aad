import type { FastifyReply } from 'fastify';
import type { Enrolment } from '../../../actions/staff/start-enrolment.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { EnrolPage } from './enrolment-pages.js';

// Answers shared by the setup, invitation, enrolment and sign-in routes.

export async function sendEnrolment(reply: FastifyReply, enrolment: Enrolment, error?: string, status = 200) {
  // Loaded on the first enrolment, not at start (decision 027): most processes never draw a QR code.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(enrolment.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const qrSvgDataUri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return sendAdminPage(
    reply,
    { title: 'Приложение-аутентификатор', status },
    <EnrolPage csrfToken={reply.generateCsrf()} enrolment={enrolment} qrSvgDataUri={qrSvgDataUri} error={error} />,
  );
}

export function sendThrottled(reply: FastifyReply, retryAfterSeconds: number) {
  reply.header('retry-after', String(retryAfterSeconds));
  const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} сек.` : `${Math.ceil(retryAfterSeconds / 60)} мин.`;
  return sendErrorPage(reply, 429, `Слишком много неудачных попыток входа. Попробуйте снова через ${wait}`);
}
