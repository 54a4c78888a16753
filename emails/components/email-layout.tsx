import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every CleanPay email shares: preview line, white card, quiet footer. */
export function EmailLayout({ preview, companyName, children }: { preview: string; companyName: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 520, padding: 32 }}>
          <Text style={{ fontSize: 18, fontWeight: 600, margin: "0 0 16px" }}>{companyName}</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0 12px" }} />
          <Text style={{ color: "#71717a", fontSize: 12, margin: 0 }}>Sent by CleanPay on behalf of {companyName}.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: 14, lineHeight: "22px", color: "#18181b" } as const;
export const button = {
  backgroundColor: "#1d4ed8",
  borderRadius: 6,
  color: "#ffffff",
  display: "inline-block",
  fontSize: 14,
  fontWeight: 600,
  padding: "10px 18px",
  textDecoration: "none",
} as const;
