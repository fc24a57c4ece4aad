/** Why a backup or a restore did not happen; the message tells the operator what to do. */
export type BackupRefusal =
  | 'not_a_backup'
  | 'tampered'
  | 'wrong_passphrase'
  | 'passphrase_missing'
  | 'not_empty'
  | 'wrong_backend'
  | 'embedded_in_use'
  | 'tool_missing';

export class BackupRefusedError extends Error {
  constructor(
    readonly reason: BackupRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}
