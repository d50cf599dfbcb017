import { sql, type Kysely } from '@app/db';

export async function up(db: Kysely<any>): Promise<void> {
  // Nullable: existing accounts keep being named by their email's local part until someone names them. The
  // check repeats the API's rule (trimmed, 1..60 characters) so no other writer can store a name it refuses.
  await db.schema
    .alterTable('admin_users')
    .addColumn('display_name', 'text', (c) =>
      c.check(sql`display_name is null or (display_name = btrim(display_name) and char_length(display_name) between 1 and 60)`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('admin_users').dropColumn('display_name').execute();
}
