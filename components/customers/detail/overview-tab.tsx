import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerDetail } from "@/lib/customers/detail";
import { PAYMENT_METHOD_KIND_LABELS } from "@/lib/customers/payment-method-schemas";
import { formatCreditLimit, formatDateTime, formatPaymentTerms } from "./format";

const none = <span className="text-muted-foreground">—</span>;
const orNone = (value: ReactNode) => (value === null || value === undefined || value === "" ? none : value);
const yesNo = (value: boolean) => (value ? <Badge variant="success">On</Badge> : <Badge variant="secondary">Off</Badge>);

function Details({ title, rows }: { title: string; rows: Array<[string, ReactNode]> }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">{title}</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="min-w-0 break-words">{orNone(value)}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

export function OverviewTab({ customer }: { customer: CustomerDetail }) {
  const person = [customer.firstName, customer.lastName].filter(Boolean).join(" ");
  const hasMetadata = Object.keys(customer.metadata).length > 0;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Details
        title="Customer"
        rows={[
          ["Number", <span key="n" className="font-mono">{customer.number}</span>],
          ["Company name", customer.companyName],
          ["Contact person", person],
          ["Tax ID", customer.taxId],
          ["Industry", customer.industry],
          ["Language", customer.language],
        ]}
      />
      <Details
        title="Terms"
        rows={[
          ["Currency", customer.currency],
          ["Payment terms", formatPaymentTerms(customer.paymentTerms)],
          ["Credit limit", formatCreditLimit(customer.creditLimit, customer.currency)],
          ["Preferred method", customer.preferredPaymentMethod ? PAYMENT_METHOD_KIND_LABELS[customer.preferredPaymentMethod] : null],
          ["Auto-send invoices", yesNo(customer.autoSendInvoices)],
          ["Send reminders", yesNo(customer.sendReminders)],
        ]}
      />
      <Details
        title="Record"
        rows={[
          ["Created", `${formatDateTime(customer.createdAt)}${customer.createdByName ? ` by ${customer.createdByName}` : ""}`],
          ["Last changed", formatDateTime(customer.updatedAt)],
          ["Revision", String(customer.version)],
        ]}
      />
      <Card className="gap-3 py-4">
        <CardHeader className="px-4">
          <CardTitle className="text-sm">Notes field</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4 px-4 text-sm">
          {customer.notes ? <p className="whitespace-pre-wrap">{customer.notes}</p> : <p className="text-muted-foreground">No notes on the record. Dated notes live in the Notes tab.</p>}
          <div>
            <h3 className="mb-1 text-xs font-medium text-muted-foreground uppercase">Metadata</h3>
            {hasMetadata ? (
              <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">{JSON.stringify(customer.metadata, null, 2)}</pre>
            ) : (
              <p className="text-muted-foreground">None</p>
            )}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
