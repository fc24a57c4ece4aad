import type { AtolError } from './errors.js';
import type { Json } from './schema-checks.js';
import type { AtolOperation, AtolPayload, AtolReceiptView, AtolStatus } from './types.js';

/** One registered document and what became of it. */
export interface Receipt {
  uuid: string;
  groupCode: string;
  operation: AtolOperation;
  externalId: string;
  request: Json;
  registeredAtMs: number;
  /** When processing would finish, unless the KKTs are "stuck". */
  dueAtMs: number;
  status: AtolStatus;
  callbackUrl: string;
  warnings: { callback_url: string } | null;
  /** Decided at registration by the failNext fault. */
  plannedError?: AtolError;
  error: AtolError | null;
  payload: AtolPayload | null;
  deviceCode: string;
}

/** In-memory documents: by uuid, and by (group, external_id) for the duplicate check. */
export class ReceiptStore {
  private readonly byUuid = new Map<string, Receipt>();
  private readonly byExternal = new Map<string, Receipt>();

  add(receipt: Receipt): void {
    this.byUuid.set(receipt.uuid, receipt);
    this.byExternal.set(externalKey(receipt.groupCode, receipt.externalId), receipt);
  }

  get(uuid: string): Receipt | undefined {
    return this.byUuid.get(uuid);
  }

  byExternalId(groupCode: string, externalId: string): Receipt | undefined {
    return this.byExternal.get(externalKey(groupCode, externalId));
  }

  /** In registration order. */
  all(): Receipt[] {
    return [...this.byUuid.values()];
  }
}

const externalKey = (groupCode: string, externalId: string) => `${groupCode}\n${externalId}`;

export function viewOf(receipt: Receipt): AtolReceiptView {
  return {
    uuid: receipt.uuid,
    groupCode: receipt.groupCode,
    operation: receipt.operation,
    externalId: receipt.externalId,
    status: receipt.status,
    registeredAt: new Date(receipt.registeredAtMs).toISOString(),
    request: structuredClone(receipt.request),
    callbackUrl: receipt.callbackUrl,
    payload: receipt.payload ? { ...receipt.payload } : null,
    error: receipt.error ? { ...receipt.error } : null,
  };
}
