import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Company } from '../../company.js';
import { oneLine, type EmailContent } from './content.js';

// One layout for every email. Mail clients drop <style> blocks and external CSS, so styles are
// inline; there are no images and no tracking pixels or tracked links (nothing to load remotely).

const font = 'font-family:Arial,Helvetica,sans-serif;color:#1f2328;';

export const emailStyles = {
  heading: `${font}font-size:22px;line-height:1.3;margin:0 0 16px;`,
  subheading: `${font}font-size:17px;line-height:1.4;margin:24px 0 8px;`,
  paragraph: `${font}font-size:15px;line-height:1.5;margin:0 0 12px;`,
  label: `${font}font-size:14px;color:#59636e;padding:4px 12px 4px 0;vertical-align:top;white-space:nowrap;`,
  value: `${font}font-size:15px;padding:4px 0;vertical-align:top;`,
  link: 'color:#0b57d0;word-break:break-all;',
  button: `${font}display:inline-block;background:#0b57d0;color:#ffffff;font-size:15px;font-weight:bold;text-decoration:none;padding:12px 20px;border-radius:6px;`,
};

/** The main action as a button, then the same address as a visible link for clients that hide buttons. */
export function LinkButton({ href, label }: { href: string; label: string }) {
  return (
    <>
      <p style={emailStyles.paragraph}>
        <a href={href} style={emailStyles.button}>
          {label}
        </a>
      </p>
      <p style={emailStyles.paragraph}>
        <a href={href} style={emailStyles.link}>
          {href}
        </a>
      </p>
    </>
  );
}

/** Label/value rows, such as an order's details or the login and password. */
export function DetailsTable({ rows }: { rows: [label: string, value: ComponentChildren][] }) {
  return (
    <table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;">
      {rows.map(([label, value]) => (
        <tr>
          <td style={emailStyles.label}>{label}</td>
          <td style={emailStyles.value}>{value}</td>
        </tr>
      ))}
    </table>
  );
}

export interface EmailParts {
  subject: string;
  company: Company;
  /** The HTML body; preact escapes every value in it. */
  body: ComponentChildren;
  /** The same message as plain text, without the footer. */
  text: string;
}

/** Renders both versions of an email with the seller's legal details in the footer. */
export function renderEmail({ subject, company, body, text }: EmailParts): EmailContent {
  const title = oneLine(subject);
  const html = renderToString(
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style="margin:0;padding:0;background:#f3f4f6;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;">
          <tr>
            <td style="padding:24px 12px;">
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;">
                <tr>
                  <td style={`${font}padding:20px 24px 0;font-size:15px;font-weight:bold;`}>{company.name}</td>
                </tr>
                <tr>
                  <td style="padding:16px 24px 24px;">{body}</td>
                </tr>
                <tr>
                  <td style={`${font}padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.5;color:#59636e;`}>
                    {company.name}, ИНН {company.inn}, ОГРН {company.ogrn}
                    <br />
                    {company.address}
                    <br />
                    {company.phone}, {company.email}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>,
  );
  return { subject: title, html: `<!doctype html>${html}`, text: `${text.trim()}\n\n-- \n${footerText(company)}\n` };
}

function footerText(company: Company): string {
  return [`${company.name}, ИНН ${company.inn}, ОГРН ${company.ogrn}`, company.address, `${company.phone}, ${company.email}`].join('\n');
}
