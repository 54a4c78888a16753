import { describe, expect, it } from "vitest";
import { setDefaultTemplate } from "@/lib/invoice-templates/commands";
import { createTestDatabase } from "../helpers/db";
import { createTestTemplate, liveDefaultTemplateIds } from "../helpers/invoice-templates";
import { actorFor } from "./admin-fixtures";

const { db } = await createTestDatabase();
const actor = actorFor(null, "admin@example.test");

describe("invoice templates under concurrency (PostgreSQL)", () => {
  it("keeps exactly one default when several are made default at once", async () => {
    const candidates = await Promise.all(["Race A", "Race B", "Race C", "Race D"].map((name) => createTestTemplate(db, actor, { name })));
    const results = await Promise.allSettled(candidates.map((template) => setDefaultTemplate(db, template.id, actor)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const defaults = await liveDefaultTemplateIds(db);
    expect(defaults).toHaveLength(1);
    expect(candidates.map((template) => template.id)).toContain(defaults[0]);
  });
});
