import type { Changes, Committed } from '../../use-cases/shared/changes';

/** A writing use case's result as an RPC handler answers it: its outcome is the reply's data. */
export async function committedReply<O>(result: Promise<Committed<O>>): Promise<{ data: O; changes: Changes }> {
  const { outcome, changes } = await result;
  return { data: outcome, changes };
}
