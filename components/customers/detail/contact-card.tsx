import { Globe, Mail, Phone } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";
import type { Customer } from "@/db/schema/customers";
import { addressLines } from "./format";

type Contact = Pick<
  Customer,
  | "email" | "phone" | "secondaryEmail" | "secondaryPhone" | "website"
  | "billingStreet" | "billingCity" | "billingRegion" | "billingPostalCode" | "billingCountry"
  | "shippingStreet" | "shippingCity" | "shippingRegion" | "shippingPostalCode" | "shippingCountry"
>;

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2 text-sm [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground">
      {icon}
      <span className="min-w-0 truncate">{children}</span>
    </li>
  );
}

function Address({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div>
      <h3 className="text-xs font-medium text-muted-foreground uppercase">{title}</h3>
      {lines.length ? (
        <address className="text-sm not-italic">
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </address>
      ) : (
        <p className="text-sm text-muted-foreground">Not given</p>
      )}
    </div>
  );
}

const link = "text-primary underline-offset-4 hover:underline";

export function ContactCard({ customer }: { customer: Contact }) {
  const billing = addressLines({ street: customer.billingStreet, city: customer.billingCity, region: customer.billingRegion, postalCode: customer.billingPostalCode, country: customer.billingCountry });
  const shipping = addressLines({ street: customer.shippingStreet, city: customer.shippingCity, region: customer.shippingRegion, postalCode: customer.shippingPostalCode, country: customer.shippingCountry });
  const sameAddress = billing.length > 0 && billing.join("\n") === shipping.join("\n");
  const emails = [customer.email, customer.secondaryEmail].filter((value): value is string => Boolean(value));
  const phones = [customer.phone, customer.secondaryPhone].filter((value): value is string => Boolean(value));

  return (
    <Card className="py-4">
      <CardContent className="grid gap-6 px-4 md:grid-cols-3">
        <ul className="space-y-2" aria-label="Contact details">
          {emails.map((email) => (
            <Line key={email} icon={<Mail />}>
              <a className={link} href={`mailto:${email}`}>
                {email}
              </a>
            </Line>
          ))}
          {phones.map((phone) => (
            <Line key={phone} icon={<Phone />}>
              <a className={link} href={`tel:${phone}`}>
                {phone}
              </a>
            </Line>
          ))}
          {customer.website && /^https?:\/\//i.test(customer.website) ? (
            <Line icon={<Globe />}>
              <a className={link} href={customer.website} target="_blank" rel="noopener noreferrer">
                {customer.website.replace(/^https?:\/\//, "")}
              </a>
            </Line>
          ) : null}
          {emails.length + phones.length === 0 && !customer.website ? <li className="text-sm text-muted-foreground">No contact details yet.</li> : null}
        </ul>
        <Address title="Billing address" lines={billing} />
        <Address title="Shipping address" lines={sameAddress ? ["Same as billing"] : shipping} />
      </CardContent>
    </Card>
  );
}
