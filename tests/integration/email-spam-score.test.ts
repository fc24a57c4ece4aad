import { spawnSync } from 'node:child_process';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { emailSamples } from '../helpers/email-samples.js';

// Every email type, built into the MIME message nodemailer sends, scored by SpamAssassin with its
// local rules only (no network tests: the score of the content and headers we control). Each must
// stay below 1.0. Needs Debian's spamassassin; skipped without it, except in CI (.ci/run installs it).

const available = spawnSync('spamassassin', ['--version']).status === 0;
if (!available && process.env.CI) throw new Error('spamassassin is not installed: apt-get install spamassassin');

const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

async function mimeOf(kind: string): Promise<Buffer> {
  const content = emailSamples[kind]!;
  // The same message the mailer builds (src/email/mailer.ts): sender, reply address, id and headers.
  const info = await transport.sendMail({
    from: '"Услуги онлайн" <no-reply@uslugi.example>',
    replyTo: 'hello@uslugi.example',
    to: 'ivan.petrov@example.ru',
    subject: content.subject,
    html: content.html,
    text: content.text,
    messageId: `<0d6b1f5e-3a59-4c1e-9f8a-${kind.length.toString().padStart(12, '0')}@uslugi.example>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return info.message as Buffer;
}

describe.skipIf(!available)('spam score of every email', () => {
  it('is below 1.0 for each type, by SpamAssassin local rules', { timeout: 300_000 }, async () => {
    const scores: Record<string, string> = {};
    for (const kind of Object.keys(emailSamples)) {
      const run = spawnSync('spamassassin', ['-L', '-t'], { input: await mimeOf(kind), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const score = /^X-Spam-Status: \w+, score=(-?[\d.]+)/m.exec(run.stdout)?.[1];
      if (score === undefined) throw new Error(`no score for ${kind}: ${run.stderr}`);
      const rules = /^X-Spam-Status:[\s\S]*?tests=([\s\S]*?)autolearn/m.exec(run.stdout)?.[1]?.replace(/\s+/g, '') ?? '';
      scores[kind] = Number(score) < 1 ? 'ok' : `${score} (${rules})`;
    }
    expect(scores).toEqual(Object.fromEntries(Object.keys(emailSamples).map((kind) => [kind, 'ok'])));
  });
});
