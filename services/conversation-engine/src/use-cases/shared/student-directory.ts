import type { StudentRef } from '@app/contracts';
import type { ConversationRow } from '../../db/repositories/inbound-batch.repository';
import { conversationState, type ConversationState } from '../inbound/process-inbound-message';

/**
 * The conversations a batch holds locked, found by the ids its payloads carry: the BSUID first, then the
 * phone. An id keeps pointing where it last pointed within the batch (a message still carrying the id a
 * `user_changed_user_id` just replaced reaches the same student), and a conversation merged into another
 * leads to the one that survived.
 */
export class StudentDirectory {
  private readonly byId = new Map<string, ConversationState>();
  private readonly byUserId = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();

  constructor(rows: readonly ConversationRow[] = []) {
    for (const row of rows) this.put(row);
  }

  /** Adds or refreshes a conversation from its row; what the batch already wrote to it (sendPending) is kept. */
  put(row: ConversationRow): ConversationState {
    const state = conversationState(row);
    const previous = this.byId.get(row.id);
    if (previous) state.sendPending = previous.sendPending;
    this.byId.set(row.id, state);
    if (row.user_id !== null) this.byUserId.set(row.user_id, row.id);
    if (row.phone_number !== null) this.byPhone.set(row.phone_number, row.id);
    return state;
  }

  /** `drop` was merged into `keep`: whatever led to it leads to `keep` (refreshed by the caller's put). */
  merged(drop: string, keep: string) {
    const dropped = this.byId.get(drop);
    const kept = this.byId.get(keep);
    if (dropped && kept) kept.sendPending ||= dropped.sendPending;
    this.byId.delete(drop);
    this.mergedInto.set(drop, keep);
  }

  find(ref: StudentRef): ConversationState | undefined {
    const id =
      (ref.userId !== null ? this.byUserId.get(ref.userId) : undefined) ?? (ref.phone !== null ? this.byPhone.get(ref.phone) : undefined);
    return id === undefined ? undefined : this.get(id);
  }

  get(id: string): ConversationState | undefined {
    let current = id;
    for (let hops = 0; this.mergedInto.has(current) && hops < 100; hops++) current = this.mergedInto.get(current) ?? current;
    return this.byId.get(current);
  }

  /**
   * Whether the batch's first statement settled this payload's student: the conversation holding its BSUID
   * (with the same phone, when it carries one), or, without a BSUID, the one holding its phone.
   */
  settles(ref: StudentRef): boolean {
    if (ref.userId === null) return ref.phone !== null && this.byPhone.has(ref.phone);
    const id = this.byUserId.get(ref.userId);
    const state = id === undefined ? undefined : this.byId.get(id);
    return state !== undefined && (ref.phone === null || state.phoneNumber === ref.phone);
  }
}
