import { StyleSheet } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./fonts";

/** Shared look of every CleanPay PDF. The template's accent colour is applied inline where used. */
export const colors = {
  text: "#111827",
  muted: "#6b7280",
  border: "#e5e7eb",
  zebra: "#f9fafb",
  onAccent: "#ffffff",
};

/** Fixed widths of the optional line-table columns (points); the description takes the rest. */
export const columnWidths = {
  quantity: 46,
  unit: 40,
  unit_price: 70,
  discount: 50,
  tax: 92,
  amount: 78,
} as const;

export const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 9,
    color: colors.text,
    paddingTop: 36,
    paddingBottom: 64,
    paddingHorizontal: 40,
    // no page-wide lineHeight: with one, react-pdf 4.9 drops the fixed footer's render-prop text
  },
  spread: { flexDirection: "row", justifyContent: "space-between" },
  muted: { color: colors.muted },
  semibold: { fontWeight: 600 },
  label: { fontSize: 7.5, color: colors.muted, textTransform: "uppercase", letterSpacing: 0.6, marginBottom: 3 },
  section: { marginTop: 18 },

  // header
  logo: { maxWidth: 140, maxHeight: 56, objectFit: "contain", marginBottom: 8 },
  companyName: { fontSize: 12, fontWeight: 700, marginBottom: 2 },
  title: { fontSize: 22, fontWeight: 700, textAlign: "right", letterSpacing: 1 },
  headerText: { marginTop: 10, color: colors.muted },
  metaRow: { flexDirection: "row", justifyContent: "flex-end", marginTop: 2 },
  metaLabel: { color: colors.muted, width: 70, textAlign: "right", marginRight: 8 },
  metaValue: { minWidth: 90, textAlign: "right", fontWeight: 600 },
  status: { alignSelf: "flex-end", marginTop: 6, paddingVertical: 2, paddingHorizontal: 8, borderRadius: 3, fontSize: 8, fontWeight: 700 },

  // line table
  table: { marginTop: 20 },
  tableHeader: { flexDirection: "row", paddingVertical: 5, paddingHorizontal: 4, color: colors.onAccent, fontWeight: 600, fontSize: 8 },
  tableRow: { flexDirection: "row", paddingVertical: 5, paddingHorizontal: 4, borderBottomWidth: 0.5, borderBottomColor: colors.border },
  cellDescription: { flexGrow: 1, flexBasis: 0, paddingRight: 6 },
  cellNumber: { textAlign: "right", paddingLeft: 4 },
  cellText: { paddingLeft: 8 },

  // summary
  summary: { flexDirection: "row", justifyContent: "space-between", marginTop: 14 },
  taxTable: { width: 230 },
  totals: { width: 230 },
  totalsRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2.5 },
  grandTotal: { borderTopWidth: 1, marginTop: 4, paddingTop: 5, fontSize: 11, fontWeight: 700 },
  amountDue: { marginTop: 6, paddingVertical: 6, paddingHorizontal: 6, fontSize: 11, fontWeight: 700, color: colors.onAccent },

  // payment, notes
  paymentBox: { flexDirection: "row", borderWidth: 0.75, borderColor: colors.border, borderRadius: 4, padding: 10 },
  qr: { width: 78, height: 78, marginLeft: 12 },
  paragraph: { marginBottom: 3 },
  // a public link is ~90 characters: small enough to fit beside the QR code on one line
  link: { fontSize: 8, color: "#1d4ed8", textDecoration: "none" },

  // page footer, repeated on every page
  footer: {
    position: "absolute",
    left: 40,
    right: 40,
    bottom: 28,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: colors.border,
    paddingTop: 6,
    fontSize: 7.5,
    color: colors.muted,
  },
  watermark: {
    position: "absolute",
    top: 330,
    left: 0,
    right: 0,
    textAlign: "center",
    fontSize: 96,
    fontWeight: 700,
    color: "#f3f4f6",
    transform: "rotate(-30deg)",
  },
});
