import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionChoices, auditActionInWords, auditActionWords, auditAreaWords, isAuditAction } from './audit-actions.js';

// Every action code the program writes to the audit log has words for staff. The writer's type already
// demands it; this reads the source as well, so a code built some other way (a cast, a template the
// compiler widened to string) is caught too.

const SRC = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The codes a template can give: `payment.${a ? 'cancel' : 'refund'}_${b ? 'succeeded' : 'failed'}` is
 * expanded into its four codes; a placeholder without literals (`staff.${change.kind}`) becomes a
 * wildcard, «staff.*», whose values the compiler checks against the table (the writer's type).
 */
function expand(template: string): string[] {
  const parts = template.split(/\$\{([^}]*)\}/);
  let codes = [''];
  parts.forEach((part, i) => {
    const literals = i % 2 === 0 ? [part] : [...part.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
    const options = literals.length > 0 ? literals : ['*'];
    codes = codes.flatMap((code) => options.map((option) => code + option));
  });
  return codes;
}

/** Every code passed as `action:` to the audit writer, with the files that write it. */
function codesInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    if (!/\baudit\(/.test(source) || file.endsWith(join('db', 'queries', 'audit.ts'))) continue;
    for (const match of source.matchAll(/\baction:\s*([^,\n}]+(?:\}[^,\n}]*)*)/g)) {
      for (const literal of match[1]!.matchAll(/(['`])([a-z_]+\.(?:[a-z_]|\$\{[^}]*\})+)\1/g)) {
        for (const code of expand(literal[2]!)) found.set(code, [...(found.get(code) ?? []), file.slice(SRC.length + 1)]);
      }
    }
  }
  return found;
}

/** True when the table has words for the code, or for some code a wildcard («staff.*») stands for. */
function worded(code: string): boolean {
  if (!code.includes('*')) return isAuditAction(code);
  const pattern = new RegExp(`^${code.replace(/\./g, '\\.').replace(/\*/g, '[a-z_]+')}$`);
  return Object.keys(auditActionWords).some((known) => pattern.test(known));
}

describe('audit actions in words', () => {
  const inSource = codesInSource();

  it('finds the codes the program writes, the built ones too', () => {
    expect(inSource.size).toBeGreaterThan(50);
    for (const code of ['order.taken', 'client.viewed', 'staff.*', 'staff.reset_access', 'payment.refund_succeeded', 'payment.cancel_failed', 'payment.*_requested', 'calendar.day_added', 'catalog.service_deactivated']) {
      expect([...inSource.keys()]).toContain(code);
    }
  });

  it('has words for every code written to the log', () => {
    const missing = [...inSource].filter(([code]) => !worded(code)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('words each code differently, in Russian, without the code itself', () => {
    const phrases = Object.values(auditActionWords);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const [code, phrase] of Object.entries(auditActionWords)) {
      expect(phrase, code).toMatch(/^[А-ЯЁ]/);
      expect(phrase, code).not.toMatch(/[a-z]+[._][a-z]+/);
    }
  });

  it('files every code under an area the filter names', () => {
    for (const code of Object.keys(auditActionWords)) expect(Object.keys(auditAreaWords), code).toContain(code.split('.')[0]);
    const offered = auditActionChoices().flatMap((group) => group.choices.map((choice) => choice.value));
    for (const code of Object.keys(auditActionWords)) expect(offered).toContain(code);
    expect(offered).toContain('order.');
  });

  it('shows an unknown code (from an older version) as it is', () => {
    expect(auditActionInWords('order.taken')).toBe('Взят заказ в работу');
    expect(auditActionInWords('order.teleported')).toBe('order.teleported');
    expect(isAuditAction('toString')).toBe(false);
  });
});
