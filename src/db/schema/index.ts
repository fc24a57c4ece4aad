export * from './accounts.js';
export * from './catalog.js';
export * from './orders.js';
export * from './captcha.js';
export * from './payments.js';
export * from './emails.js';
export * from './calendar.js';
