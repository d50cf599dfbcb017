import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

const MARK = '/* prepared */ ';

/**
 * Put first in a statement's text (`sql\`${PREPARED}with ...\``) to run it as a named prepared statement on
 * each connection of a pool created with `prepareMarked`: parsed once per connection, and planned once when
 * Postgres finds its generic plan no costlier than a custom one.
 *
 * Why opt-in: node-postgres sends every statement unnamed, so Postgres parses and plans it on every run, and
 * for the engine's larger set-based CTEs planning cost about as much as running them (pg_stat_statements
 * with track_planning, docs/performance.md). But naming every statement let Postgres settle on generic plans
 * that ran some statements 3 to 8 times slower than their custom plans (the send results' reads, with arrays
 * of unknown length). Only statements whose generic plan was measured as fast as the custom one carry the
 * mark; check `pg_stat_statements` (plans, mean_exec_time) before marking another.
 */
export const PREPARED = sql.raw(MARK);

export interface PreparedStatementOptions {
  /** At most this many distinct marked texts are named; any further one runs unnamed (a text built per call). */
  maxNamed?: number;
}

type Query = (...args: unknown[]) => unknown;

export class PreparedStatements {
  readonly #maxNamed: number;
  /** Text -> its name, or null: runs unnamed for good. Entries are never removed, so its size is the texts named. */
  readonly #names = new Map<string, string | null>();

  constructor(options: PreparedStatementOptions = {}) {
    this.#maxNamed = options.maxNamed ?? 100;
  }

  /** The name to run this text under, or undefined to run it unnamed. */
  nameFor(text: string): string | undefined {
    if (!text.startsWith(MARK)) return undefined;
    const known = this.#names.get(text);
    if (known !== undefined) return known ?? undefined;
    if (this.#names.size >= this.#maxNamed) return undefined;
    const name = `s_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.#names.set(text, name);
    return name;
  }

  /**
   * Makes one client run marked statements named. Only the form Kysely uses (`query(text, values)`, no
   * callback) is touched. A named statement whose cached plan Postgres refuses (`0A000`: its table's columns
   * changed under it, a migration while this process runs) fails its transaction as any error does, and its
   * text runs unnamed from then on.
   */
  attach(client: pg.PoolClient): void {
    const original = client.query.bind(client) as Query;
    const replacement: Query = (...args) => {
      const [text, values, callback] = args;
      if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined) return original(...args);
      const name = this.nameFor(text);
      if (name === undefined) return original(...args);
      return (original({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
        if ((error as { code?: string }).code === '0A000') this.#names.set(text, null);
        throw error;
      });
    };
    client.query = replacement as typeof client.query;
  }
}
