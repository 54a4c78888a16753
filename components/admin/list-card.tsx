import type { ReactNode } from "react";
import { hrefWith } from "@/components/admin/search-params";
import { Card } from "@/components/ui/card";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { Table, TableBody, TableHeader, TableRow } from "@/components/ui/table";

/** One page of a filtered admin list, as the lib/ list queries return it. */
export interface ListPage<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageCount: number;
}

interface Props<Row> {
  list: ListPage<Row>;
  /** the page's path and its current filters: page links keep the filters */
  path: string;
  filters: Record<string, string | number | undefined>;
  /** the header cells (TableHead) */
  columns: ReactNode;
  /** one TableRow, with its key */
  row: (row: Row) => ReactNode;
  /** shown in place of the table when there are no rows */
  empty: ReactNode;
  /** for the count under the list: ["user", "users"] */
  noun: readonly [one: string, many: string];
}

/** The table of an admin list page, with its empty state, page links and row count. */
export function ListCard<Row>({ list, path, filters, columns, row, empty, noun }: Props<Row>) {
  const { rows, total, page, pageCount } = list;
  return (
    <>
      <Card className="py-0">
        {rows.length === 0 ? (
          empty
        ) : (
          <Table>
            <TableHeader>
              <TableRow>{columns}</TableRow>
            </TableHeader>
            <TableBody>{rows.map(row)}</TableBody>
          </Table>
        )}
      </Card>
      <PaginationLinks page={page} pageCount={pageCount} hrefFor={(p) => hrefWith(path, filters, { page: p > 1 ? p : undefined })} />
      <p className="text-sm text-muted-foreground">
        {total} {total === 1 ? noun[0] : noun[1]}
      </p>
    </>
  );
}
