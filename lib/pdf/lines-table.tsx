// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Text, View } from "@react-pdf/renderer";
import { colors, styles } from "./styles";

/** One column after the description: a fixed width, numbers right-aligned. */
export type TableColumn = { key: string; title: string; width: number; numeric: boolean };

/** A row: the description (with an optional muted second line) and one cell per column, by key. */
export type TableRow = { description: string; detail?: string | null; cells: Record<string, string> };

type LinesTableProps = {
  accentColor: string;
  descriptionTitle: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
};

/** Beyond this a description may outgrow a page (descriptions hold up to 2,000 characters). */
const LONG_DESCRIPTION = 600;

function Cells({ columns, row }: { columns: readonly TableColumn[]; row: TableRow }) {
  return columns.map((column) => (
    <Text key={column.key} style={[column.numeric ? styles.cellNumber : styles.cellText, { width: column.width }]}>
      {row.cells[column.key] ?? ""}
    </Text>
  ));
}

function Description({ row }: { row: TableRow }) {
  return (
    <>
      <Text>{row.description}</Text>
      {row.detail ? <Text style={[styles.muted, { fontSize: 8 }]}>{row.detail}</Text> : null}
    </>
  );
}

/**
 * One line item, kept on one page. A very long description cannot be: text only splits across
 * pages in a column, not inside a row of cells, so it is printed across the full width first and
 * the figures follow under it.
 */
function Row({ columns, row, shaded }: { columns: readonly TableColumn[]; row: TableRow; shaded: boolean }) {
  const style = [styles.tableRow, shaded ? { backgroundColor: colors.zebra } : {}];
  if (row.description.length > LONG_DESCRIPTION) {
    return (
      <View style={[...style, { flexDirection: "column" }]}>
        <Description row={row} />
        <View wrap={false} style={{ flexDirection: "row", marginTop: 4 }}>
          <View style={styles.cellDescription} />
          <Cells columns={columns} row={row} />
        </View>
      </View>
    );
  }
  return (
    <View wrap={false} style={style}>
      <View style={styles.cellDescription}>
        <Description row={row} />
      </View>
      <Cells columns={columns} row={row} />
    </View>
  );
}

/**
 * The line items. The header row is `fixed`, so when the table runs onto another page react-pdf
 * repeats it at the top there.
 */
export function LinesTable({ accentColor, descriptionTitle, columns, rows }: LinesTableProps) {
  return (
    <View style={styles.table}>
      <View fixed style={[styles.tableHeader, { backgroundColor: accentColor }]}>
        <Text style={styles.cellDescription}>{descriptionTitle}</Text>
        {columns.map((column) => (
          <Text key={column.key} style={[column.numeric ? styles.cellNumber : styles.cellText, { width: column.width }]}>
            {column.title}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <Row key={index} columns={columns} row={row} shaded={index % 2 === 1} />
      ))}
    </View>
  );
}
