import { Button, Section, Text } from "@react-email/components";
import { button, paragraph } from "./email-layout";

/** The sender's own words: blank lines separate paragraphs, single line breaks are kept. */
export function MessageText({ message }: { message: string }) {
  const paragraphs = message
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((block, index) => (
        <Text key={index} style={paragraph}>
          {block.split(/\r?\n/).map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </Text>
      ))}
    </>
  );
}

/** A small label/value table: the figures a reader looks for before opening anything. */
export function DocumentSummary({ rows }: { rows: ReadonlyArray<readonly [string, string]> }) {
  return (
    <Section style={{ backgroundColor: "#f4f4f5", borderRadius: 6, margin: "16px 0", padding: "12px 16px" }}>
      {rows.map(([label, value]) => (
        <Text key={label} style={{ fontSize: 14, lineHeight: "22px", margin: 0, color: "#18181b" }}>
          <span style={{ color: "#71717a", display: "inline-block", width: 130 }}>{label}</span>
          <strong>{value}</strong>
        </Text>
      ))}
    </Section>
  );
}

/** The call to action, with the address spelled out for mail clients that drop buttons. */
export function LinkButton({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Button href={href} style={button}>
        {label}
      </Button>
      <Text style={{ ...paragraph, color: "#71717a", fontSize: 12 }}>
        Or open this link: <a href={href}>{href}</a>
      </Text>
    </>
  );
}
