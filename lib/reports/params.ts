import { format, startOfYear } from "date-fns";
import { z } from "zod";
import { optionalParam } from "@/lib/url-params";

// Search params every report reads. Bad or missing values fall back to defaults, so a hand-edited
// URL still shows a report. Dates are ISO (YYYY-MM-DD), inclusive on both ends.

const today = () => format(new Date(), "yyyy-MM-dd");
const isoDate = z.iso.date();
const currency = z
  .string()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/);

/** from/to (default: 1 January of this year → today), optional currency and customer. */
export const periodParams = z
  .object({
    from: optionalParam(isoDate),
    to: optionalParam(isoDate),
    currency: optionalParam(currency),
    customerId: optionalParam(z.uuid()),
  })
  .transform((raw) => {
    const to = raw.to ?? today();
    const from = raw.from ?? format(startOfYear(new Date(`${to}T00:00:00Z`)), "yyyy-MM-dd");
    // a reversed range is read as the user meant it
    return from <= to ? { ...raw, from, to } : { ...raw, from: to, to: from };
  });
export type PeriodParams = z.output<typeof periodParams>;

/** as of one date (default today), optional currency and customer: the aging report. */
export const asOfParams = z
  .object({ asOf: optionalParam(isoDate), currency: optionalParam(currency), customerId: optionalParam(z.uuid()) })
  .transform((raw) => ({ ...raw, asOf: raw.asOf ?? today() }));
export type AsOfParams = z.output<typeof asOfParams>;
