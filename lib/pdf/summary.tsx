// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Text, View } from "@react-pdf/renderer";
import { colors, styles } from "./styles";

/** One line of the totals box; "total" draws a rule above it, "due" fills it with the accent. */
export type TotalsRow = { label: string; value: string; kind?: "normal" | "total" | "due" };

/** One rate in the tax summary: "VAT 16%", the amount it applied to, the tax. */
export type TaxSummaryRow = { label: string; taxable: string; amount: string };

function TaxSummary({ rows }: { rows: readonly TaxSummaryRow[] }) {
  if (rows.length === 0) return <View style={styles.taxTable} />;
  return (
    <View style={styles.taxTable}>
      <Text style={styles.label}>Tax summary</Text>
      <View style={[styles.totalsRow, { borderBottomWidth: 0.5, borderBottomColor: colors.border }]}>
        <Text style={[styles.muted, { flexGrow: 1 }]}>Rate</Text>
        <Text style={[styles.muted, { width: 80, textAlign: "right" }]}>Taxable</Text>
        <Text style={[styles.muted, { width: 70, textAlign: "right" }]}>Tax</Text>
      </View>
      {rows.map((row) => (
        <View key={row.label} style={styles.totalsRow}>
          <Text style={{ flexGrow: 1 }}>{row.label}</Text>
          <Text style={{ width: 80, textAlign: "right" }}>{row.taxable}</Text>
          <Text style={{ width: 70, textAlign: "right" }}>{row.amount}</Text>
        </View>
      ))}
    </View>
  );
}

function Totals({ rows, accentColor }: { rows: readonly TotalsRow[]; accentColor: string }) {
  return (
    <View style={styles.totals}>
      {rows.map((row) => {
        const style =
          row.kind === "due"
            ? [styles.totalsRow, styles.amountDue, { backgroundColor: accentColor }]
            : row.kind === "total"
              ? [styles.totalsRow, styles.grandTotal, { borderTopColor: accentColor }]
              : [styles.totalsRow];
        return (
          <View key={row.label} style={style}>
            <Text>{row.label}</Text>
            <Text>{row.value}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** Tax summary per rate on the left, the totals on the right; kept together on one page. */
export function Summary({ taxRows, totals, accentColor }: { taxRows: readonly TaxSummaryRow[]; totals: readonly TotalsRow[]; accentColor: string }) {
  return (
    <View style={styles.summary} wrap={false}>
      <TaxSummary rows={taxRows} />
      <Totals rows={totals} accentColor={accentColor} />
    </View>
  );
}
