import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { recentActivity, type ActivityRow } from "./activity";
import { dashboardAlerts, type DashboardAlerts } from "./alerts";
import { dashboardCards, type DashboardCards } from "./cards";
import { methodBreakdown, revenueByMonth, statusBreakdown, type MethodSlice, type MonthPoint, type StatusSlice } from "./charts";
import { companyDefaultCurrency, dashboardCurrencies, pickCurrency, type CurrencyUsage } from "./currencies";
import type { DashboardParams } from "./params";

import { topCustomers, type TopCustomer } from "./top-customers";
import { overdueInvoices, type OverdueInvoice } from "./overdue";
import { queryRows } from "@/db/raw-rows";

export interface Dashboard {
  from: string;
  to: string;
  today: string;
  /** every figure below is in this currency only */
  currency: string;
  currencies: CurrencyUsage[];
  cards: DashboardCards;
  revenueByMonth: MonthPoint[];
  statuses: StatusSlice[];
  methods: MethodSlice[];
  topCustomers: TopCustomer[];
  overdue: OverdueInvoice[];
  activity: ActivityRow[];
  alerts: DashboardAlerts;
}

/** Whether any invoice exists yet (drafts too): without one the dashboard shows its empty state. */
export async function hasInvoices(db: Db): Promise<boolean> {
  const rows = await queryRows(db, sql`select exists (select 1 from invoices where deleted_at is null)::int as found`);
  return Number(rows[0]?.found ?? 0) === 1;
}

/** Everything the dashboard shows, for one currency and range; `today` fixes "overdue" and "now". */
export async function loadDashboard(db: Db, params: DashboardParams, today: string): Promise<Dashboard> {
  const [currencies, companyDefault] = await Promise.all([dashboardCurrencies(db), companyDefaultCurrency(db)]);
  const currency = pickCurrency(params.currency, currencies, companyDefault);
  const range = { from: params.from, to: params.to };
  const [cards, months, statuses, methods, top, overdue, activity, alerts] = await Promise.all([
    dashboardCards(db, currency, range, today),
    revenueByMonth(db, currency, range),
    statusBreakdown(db, currency, range, today),
    methodBreakdown(db, currency, range),
    topCustomers(db, currency, range),
    overdueInvoices(db, currency, today),
    recentActivity(db),
    dashboardAlerts(db),
  ]);
  return { ...range, today, currency, currencies, cards, revenueByMonth: months, statuses, methods, topCustomers: top, overdue, activity, alerts };
}
