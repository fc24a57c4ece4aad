// The ALTCHA widget, loaded as separate files so the strict CSP needs no inline code or blob: workers.
import '/static/altcha/external/altcha.js';
import '/static/altcha/i18n/ru.js';

const pbkdf2 = () => new Worker('/static/altcha/workers/pbkdf2.js');
for (const algorithm of ['PBKDF2/SHA-256', 'PBKDF2/SHA-384', 'PBKDF2/SHA-512']) {
  globalThis.$altcha.algorithms.set(algorithm, pbkdf2);
}
