import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Pure domain code: no I/O, no framework, no database, no clock (docs/architecture.md).
const domainForbiddenImports = [
  { group: ['fastify', '@fastify/*', 'fastify-plugin'], message: 'domain/ is pure: no HTTP.' },
  { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'pg-boss'], message: 'domain/ is pure: no database.' },
  { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'crypto', 'child_process'], message: 'domain/ is pure: no I/O.' },
  { group: ['nodemailer', 'ioredis', 'pino', 'undici'], message: 'domain/ is pure: no I/O.' },
  { group: ['../*', '!../domain/*'], message: 'domain/ imports only domain/ and pure libraries.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'drizzle/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: domainForbiddenImports }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'domain/ is pure: no I/O.' },
        { name: 'process', message: 'domain/ is pure: configuration is passed in.' },
        { name: 'setTimeout', message: 'domain/ is pure: no timers.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Pass randomness in.' },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'Pass `now` in.' },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
