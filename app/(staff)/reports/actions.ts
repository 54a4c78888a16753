"use server";

import { z } from "zod";
import { permissionAction } from "@/lib/actions";
import { searchReportCustomers } from "@/lib/reports/customer-options";

const searchSchema = z.object({ q: z.string().max(200) });

/** The customer filter's type-ahead on report pages. */
export const searchReportCustomersAction = permissionAction("reports.view", searchSchema, async ({ q }, { db }) => searchReportCustomers(db, q));
