// Applies db/migrations to the configured database (PGlite in PGLITE_DIR, or DATABASE_URL).
import { openConfigured } from "@/db/connect";
import { env } from "@/lib/env";

const database = await openConfigured(env());
console.log(`Migrations applied (${database.kind}).`);
await database.close();
