import { Button, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./components/email-layout";

export interface CardSetupEmailProps {
  customerName: string;
  companyName: string;
  setupUrl: string;
}

/** A link to Stripe's page where the customer saves a card for later charges (we never see the number). */
export default function CardSetupEmail({ customerName, companyName, setupUrl }: CardSetupEmailProps) {
  return (
    <EmailLayout preview={`Save a card for payments to ${companyName}`} companyName={companyName}>
      <Text style={paragraph}>Hello {customerName},</Text>
      <Text style={paragraph}>
        {companyName} asks you to save a payment card, so future invoices can be charged to it. The card details are
        entered on Stripe&apos;s secure page and never reach us; we only keep the brand, last four digits and expiry.
      </Text>
      <Button href={setupUrl} style={button}>
        Save a card
      </Button>
      <Text style={paragraph}>The link works for 24 hours. If you did not expect this, you can ignore this email.</Text>
    </EmailLayout>
  );
}

CardSetupEmail.PreviewProps = {
  customerName: "Acme Ltd",
  companyName: "Demo Trading Ltd",
  setupUrl: "https://checkout.stripe.com/c/pay/cs_test_preview",
} satisfies CardSetupEmailProps;
