import { renderToBuffer } from "@react-pdf/renderer";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { customers } from "@/db/schema";
import { isUuid } from "@/lib/customers/detail";
import { UserError } from "@/lib/errors";
import { invoiceCustomerColumns } from "@/lib/invoices/detail";
import type { PeriodParams } from "@/lib/reports/params";
import { runStatement } from "@/lib/reports/statement";
import { registerPdfFonts } from "./fonts";
import { loadCompany } from "./load";
import { StatementDocument } from "./statement-document";
import type { StatementPdfData } from "./statement-model";

export const STATEMENT_CUSTOMER_UNKNOWN = "This customer no longer exists.";

// the same issuer block as lib/pdf/load.ts prints on invoices (its loader is not exported)
/** Everything the statement PDF prints; null when the customer is unknown or deleted. */
export async function loadStatementPdfData(db: Db, params: PeriodParams): Promise<StatementPdfData | null> {
  const customerId = params.customerId;
  if (!customerId || !isUuid(customerId)) return null;
  const [customer] = await db
    .select(invoiceCustomerColumns)
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)));
  if (!customer) return null;
  const [company, statement] = await Promise.all([loadCompany(db), runStatement(db, params)]);
  return { company, customer, period: { from: params.from, to: params.to }, statement };
}

export async function renderStatementPdf(data: StatementPdfData): Promise<Uint8Array> {
  registerPdfFonts();
  return new Uint8Array(await renderToBuffer(StatementDocument({ data })));
}

/** The statement of one customer for the period as PDF bytes; refuses an unknown customer. */
export async function statementPdf(db: Db, params: PeriodParams): Promise<Uint8Array> {
  const data = await loadStatementPdfData(db, params);
  if (!data) throw new UserError(STATEMENT_CUSTOMER_UNKNOWN);
  return renderStatementPdf(data);
}
