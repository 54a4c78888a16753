// Seeds the demo company into an empty database (migrating it first).
import { openConfigured } from "@/db/connect";
import { seedIfEmpty } from "@/db/seed";
import { env } from "@/lib/env";

const database = await openConfigured(env());
if (!(await seedIfEmpty(database.db, console.log, { sampleData: true }))) console.log("The database already has users: nothing seeded.");
await database.close();
