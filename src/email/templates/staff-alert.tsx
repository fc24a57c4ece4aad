import type { EmailSender } from './sender.js';
import type { AlertMessage } from '../../domain/notifications/alert-message.js';
import { oneLine, type EmailContent } from './content.js';
import { renderLetter } from './letter.js';

/**
 * A staff alert by email (docs/notifications.md): the same words as in Telegram. An order's alert has
 * no phone number of the client in it (the card has the contacts, behind the staff login); a call-back
 * request's has, since calling that number is all it asks for and a lead has no card.
 */
export function staffAlertEmail(data: { staffName: string; message: AlertMessage }, sender: EmailSender): EmailContent {
  const { message } = data;
  return renderLetter(
    {
      subject: oneLine(message.title),
      heading: message.title,
      customerName: data.staffName,
      blocks: [
        ...message.lines,
        { href: message.cardUrl, label: message.cardLabel },
        'Уведомления настраиваются в профиле: каналы, события и часы.',
      ],
    },
    sender,
  );
}
