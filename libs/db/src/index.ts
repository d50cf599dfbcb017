export * from './database';
export * from './migrator';
export { sql, type Kysely, type Transaction, type Migration, type Selectable, type Insertable, type Updateable, type Generated, type ColumnType } from 'kysely';
