import { boolean, index, numeric, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";

export const taxRates = pgTable(
  "tax_rates",
  {
    id: id(),
    name: text("name").notNull(),
    // exact decimal percent, e.g. "16.000"; never a float
    percent: numeric("percent", { precision: 6, scale: 3 }).notNull(),
    country: text("country"),
    // a compound tax is charged on the line's amount plus its other (non-compound) taxes
    compound: boolean("compound").notNull().default(false),
    active: boolean("active").notNull().default(true),
    ...timestamps(),
  },
  (t) => [index("tax_rates_active_idx").on(t.active, t.name)],
);

export type TaxRate = typeof taxRates.$inferSelect;
