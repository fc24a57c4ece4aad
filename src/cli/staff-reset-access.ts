import { join, resolve } from 'node:path';
import { after, STAFF_TOKEN_LIFETIMES } from '../domain/staff/token-lifetimes.js';
import { clearStaffAccess } from '../actions/staff/update-staff-member.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.js';
import { audit } from '../db/queries/audit.js';
import { cancelStaffTokens, findStaffByEmail, issueStaffToken } from '../db/queries/staff.js';

// `npm run staff:reset-access -- person@example.ru`: for the day the only admin loses their phone and
// recovery codes. Clears the member's password and authenticator and prints a new invitation link
// (to the terminal: whoever runs this already controls the server). Written to the audit log.

class UsageError extends Error {}

try {
  const email = process.argv[2];
  if (!email) throw new UsageError('Usage: npm run staff:reset-access -- person@example.ru');
  const config = loadConfig();
  const lock = config.DATABASE_URL ? null : lockDataDir(resolve(config.DATA_DIR));
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: join(resolve(config.DATA_DIR), 'pglite') });
  try {
    const member = await findStaffByEmail(database.db, email);
    if (!member) throw new UsageError(`No staff member with the address ${email}.`);
    const now = new Date();
    const token = await database.db.transaction(async (tx) => {
      await clearStaffAccess(tx, member.id);
      await cancelStaffTokens(tx, member.id, 'invite', now);
      await audit(tx, { staffId: null, action: 'staff.reset_access', entity: 'staff', entityId: member.id, details: { via: 'command line' }, at: now });
      return issueStaffToken(tx, { staffId: member.id, purpose: 'invite', now, expiresAt: after(now, STAFF_TOKEN_LIFETIMES.invite) });
    });
    process.stdout.write(`Access of ${member.email} reset. Open within 72 hours to set a password and an authenticator:\n  ${config.PUBLIC_URL}/admin/invite#token=${token}\n`);
  } finally {
    await database.close();
    lock?.release();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
