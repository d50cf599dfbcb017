import type { SenderErrorCode } from '@app/contracts';

/** What an admin request answers: the contract's reply shape (libs/contracts admin/sender-rpc.ts). */
export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: { code: SenderErrorCode; message: string } };

export const ok = <T>(data: T): RpcResult<T> => ({ ok: true, data });
export const refuse = <T = never>(code: SenderErrorCode, message: string): RpcResult<T> => ({ ok: false, error: { code, message } });
