import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '../apps/api/src/database/data-source.js';
import { freshDatabase } from './helpers/test-app.js';

/**
 * Migrations and entities describe one schema. On a database migrated to head, TypeORM's diff
 * (what `npm run migration:generate` would write) is empty; anything it proposes means an entity
 * lacks a constraint or index that a migration made, or the reverse, and the next generated
 * migration would carry it unnoticed.
 */
describe('Schema (e2e)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await freshDatabase();
    await migrate(url);
    dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('has no difference between the migrated database and the entities', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const statements = upQueries.map((query) => query.query);
    // The statements themselves are the failure message: they say what to declare or migrate.
    expect(statements).toEqual([]);
  });
});
