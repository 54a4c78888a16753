import { ariaSort } from "@/components/ui/sort-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { ProductListFilters } from "@/lib/products/list-params";
import type { ProductListRow } from "@/lib/products/queries";
import { productToFormValues } from "./form-values";
import type { ProductFormOptions } from "./product-dialog";
import { ProductRowActions } from "./product-row-actions";
import { SortHeader } from "./sort-header";
import { ProductStatusBadge } from "./status-badge";

// UTC, so every reader sees the same day
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const dash = <span className="text-muted-foreground">—</span>;

interface Props {
  rows: ProductListRow[];
  filters: ProductListFilters;
  /** the dialog's options; absent for those who may not edit (no row menu then) */
  editOptions?: ProductFormOptions;
}

/** One page of the catalog; sorting and paging happen in the database, driven by the URL. */
export function ProductsTable({ rows, filters, editOptions }: Props) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead aria-sort={ariaSort(filters.sort === "name", filters.dir)}>
            <SortHeader filters={filters} sort="name" label="Name" />
          </TableHead>
          <TableHead>SKU</TableHead>
          <TableHead>Unit</TableHead>
          <TableHead aria-sort={ariaSort(filters.sort === "price", filters.dir)} className="text-right">
            <SortHeader filters={filters} sort="price" label="Unit price" />
          </TableHead>
          <TableHead>Tax rate</TableHead>
          <TableHead>Status</TableHead>
          <TableHead aria-sort={ariaSort(filters.sort === "created", filters.dir)}>
            <SortHeader filters={filters} sort="created" label="Created" />
          </TableHead>
          {editOptions ? (
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="product-row" data-sku={row.sku ?? undefined} className={row.active ? "" : "text-muted-foreground"}>
            <TableCell className="max-w-80">
              <div className="font-medium" data-testid="product-name">
                {row.name}
              </div>
              {row.description ? <div className="truncate text-xs text-muted-foreground">{row.description}</div> : null}
            </TableCell>
            <TableCell className="font-mono text-xs">{row.sku ?? dash}</TableCell>
            <TableCell>{row.unit ?? dash}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums" data-testid="product-price">
              {formatMoney(row.unitPrice, row.currency)}
            </TableCell>
            <TableCell>{row.taxRateName ?? dash}</TableCell>
            <TableCell>
              <ProductStatusBadge active={row.active} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{dateFormat.format(row.createdAt)}</TableCell>
            {editOptions ? (
              <TableCell className="text-right">
                <ProductRowActions product={{ id: row.id, version: row.version, active: row.active, values: productToFormValues(row) }} options={editOptions} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
