import { describe, expect, it } from 'vitest';
import { staffInvitationEmail } from './staff-invitation.js';
import { sender, expectFooter, expectLinkTwice, expectNothingRemote } from './test-kit.js';

const link = 'https://shop.example.ru/admin/invite#token=abc';

describe('staff invitation email', () => {
  it('names the role and who invited, and explains the authenticator step, in Russian', () => {
    const email = staffInvitationEmail({ name: 'Мария Иванова', role: 'manager', invitedBy: 'Пётр Сидоров', link, validHours: 72 }, sender);
    expect(email.subject).toBe('Приглашение в систему управления');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Мария Иванова!');
      expect(version).toContain('с ролью «Менеджер»');
      expect(version).toContain('Пётр Сидоров приглашает вас');
      expect(version).toContain('приложение-аутентификатор');
      expect(version).toContain('Ссылка действует 72 часа');
    }
    expectLinkTwice(email.html, link);
    expectNothingRemote(email.html);
    expectFooter(email);
  });
});
