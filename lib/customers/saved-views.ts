import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customerSavedViews } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { viewQuery } from "./list-params";

// A saved view is a user's own bookmark of the list. Every function takes the user id and puts it
// in the WHERE clause, so nobody can read, overwrite or delete another person's views.

export const MAX_VIEWS_PER_USER = 50;

export interface SavedView {
  id: string;
  name: string;
  query: string;
}

export function listSavedViews(db: Db, userId: string): Promise<SavedView[]> {
  return db
    .select({ id: customerSavedViews.id, name: customerSavedViews.name, query: customerSavedViews.query })
    .from(customerSavedViews)
    .where(eq(customerSavedViews.userId, userId))
    .orderBy(asc(sql`lower(${customerSavedViews.name})`), asc(customerSavedViews.id));
}

const duplicate = (name: string) => new UserError("Choose another name.", { name: [`You already have a view called "${name}".`] });

/** Saves the list's query under a name; a name the user already uses (any case) is a field error. */
export async function saveView(db: Db, userId: string, input: { name: string; query: string }): Promise<SavedView> {
  const name = input.name.trim();
  const query = viewQuery(new URLSearchParams(input.query));
  const existing = await db
    .select({ name: customerSavedViews.name })
    .from(customerSavedViews)
    .where(eq(customerSavedViews.userId, userId));
  if (existing.some((view) => view.name.toLowerCase() === name.toLowerCase())) throw duplicate(name);
  if (existing.length >= MAX_VIEWS_PER_USER) throw new UserError(`You can keep at most ${MAX_VIEWS_PER_USER} views. Delete one first.`);
  // the unique index (user, name) settles a race between two saves of the same name
  const [row] = await db
    .insert(customerSavedViews)
    .values({ userId, name, query })
    .onConflictDoNothing({ target: [customerSavedViews.userId, customerSavedViews.name] })
    .returning({ id: customerSavedViews.id, name: customerSavedViews.name, query: customerSavedViews.query });
  if (!row) throw duplicate(name);
  return row;
}

/** Deletes one of the user's own views; someone else's id is "not found", never deleted. */
export async function deleteSavedView(db: Db, userId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(customerSavedViews)
    .where(and(eq(customerSavedViews.id, id), eq(customerSavedViews.userId, userId)))
    .returning({ id: customerSavedViews.id });
  if (deleted.length === 0) throw new UserError("That view no longer exists.");
}
