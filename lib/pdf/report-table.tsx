// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Text, View } from "@react-pdf/renderer";
import { displayCell, isNumericColumn } from "@/lib/reports/format";
import type { ReportColumn, ReportRow } from "@/lib/reports/types";
import { colors, styles } from "./styles";

// Text columns (names, periods) get twice the share of a figure: the widths follow the page, so
// a landscape page with many columns still fits them all.
const share = (column: ReportColumn) => (column.kind === "text" ? 2 : 1.2);

function cellStyle(column: ReportColumn) {
  return [isNumericColumn(column) ? styles.cellNumber : { paddingRight: 4 }, { flexGrow: share(column), flexBasis: 0 }];
}

function Row({ columns, row, shaded, total }: { columns: readonly ReportColumn[]; row: ReportRow; shaded: boolean; total: boolean }) {
  const label = total ? columns.find((column) => column.kind === "text") : undefined;
  return (
    <View
      wrap={false}
      style={[
        styles.tableRow,
        shaded ? { backgroundColor: colors.zebra } : {},
        total ? { fontWeight: 700, borderTopWidth: 1, borderTopColor: colors.text } : {},
      ]}
    >
      {columns.map((column) => (
        <Text key={column.key} style={cellStyle(column)}>
          {column === label ? "Total" : displayCell(column, row)}
        </Text>
      ))}
    </View>
  );
}

/**
 * The report's table: the header row is `fixed`, so react-pdf repeats it on every page the rows
 * run onto; the totals (one row per currency) close the table.
 */
export function ReportTable({ columns, rows, totals, accentColor }: { columns: readonly ReportColumn[]; rows: readonly ReportRow[]; totals: readonly ReportRow[]; accentColor: string }) {
  return (
    <View style={styles.table}>
      <View fixed style={[styles.tableHeader, { backgroundColor: accentColor }]}>
        {columns.map((column) => (
          <Text key={column.key} style={cellStyle(column)}>
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <Row key={`row-${index}`} columns={columns} row={row} shaded={index % 2 === 1} total={false} />
      ))}
      {totals.map((row, index) => (
        <Row key={`total-${index}`} columns={columns} row={row} shaded={false} total />
      ))}
    </View>
  );
}
