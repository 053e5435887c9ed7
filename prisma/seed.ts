// `npm run db:seed`: seeds the demo grid into the database named by DATABASE_URL (migrated first
// by `npm run db:migrate`). Does nothing when the database already has organisations.
import { openDatabase } from '../apps/server/src/db/client.js';
import { seedDemo } from '../apps/server/src/seed/demo-seed.js';

const url = process.env.DATABASE_URL ?? 'file:./data/grid-console.db';
const database = openDatabase(url);
try {
  const result = await seedDemo(database.db);
  console.log(result.seeded ? `seeded the demo grid into ${database.location}` : `${database.location} already has data: nothing seeded`);
} finally {
  await database.close();
}
