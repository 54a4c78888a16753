import { Plus } from "lucide-react";
import { currencyChoices } from "@/components/products/currency-options";
import { NoProductsYet } from "@/components/products/empty-states";
import { ProductDialog, type ProductFormOptions } from "@/components/products/product-dialog";
import { ProductFilters } from "@/components/products/product-filters";
import { ProductsTable } from "@/components/products/products-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NoFilterMatches } from "@/components/ui/no-filter-matches";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { parseProductListParams, productsHref, type RawSearchParams } from "@/lib/products/list-params";
import { defaultProductCurrency, hasAnyProduct, listProducts, productCurrencies, productTaxRateOptions } from "@/lib/products/queries";
import { formatPercent } from "@/lib/tax-rates/percent";

export const dynamic = "force-dynamic";
export const metadata = { title: "Products" };

const countFormat = new Intl.NumberFormat("en-US");

export default async function ProductsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("invoices.read");
  const filters = parseProductListParams(await searchParams);
  const canWrite = can(user.role, "invoices.write");
  const db = await getDb();
  const [list, anyProduct, currencies, defaultCurrency, rates] = await Promise.all([
    listProducts(db, filters),
    hasAnyProduct(db),
    productCurrencies(db),
    defaultProductCurrency(db),
    canWrite ? productTaxRateOptions(db) : Promise.resolve([]),
  ]);

  const editOptions: ProductFormOptions | undefined = canWrite
    ? {
        defaultCurrency,
        currencies: currencyChoices(defaultCurrency, currencies),
        taxRates: rates.map((rate) => ({ id: rate.id, label: `${rate.name} (${formatPercent(rate.percent)}%)`, active: rate.active })),
      }
    : undefined;
  const newButton = editOptions ? (
    <ProductDialog
      options={editOptions}
      trigger={
        <Button>
          <Plus />
          New product
        </Button>
      }
    />
  ) : null;

  return (
    <div className="space-y-6">
      <PageHeader title="Products" description="Products and services you sell, with their price and default tax, ready to pick on invoice lines." actions={anyProduct ? newButton : null} />
      {!anyProduct ? (
        <Card className="py-0">
          <NoProductsYet newButton={newButton ?? undefined} />
        </Card>
      ) : (
        <>
          <ProductFilters filters={filters} currencies={currencies} />
          <Card className="py-0">
            {list.rows.length === 0 ? (
              <NoFilterMatches things="products" clearHref={productsHref({ sort: filters.sort, dir: filters.dir })} testId="products-no-match" />
            ) : (
              <ProductsTable rows={list.rows} filters={{ ...filters, page: list.page }} editOptions={editOptions} />
            )}
          </Card>
          <div className="flex flex-wrap items-center justify-between gap-4">
            <p className="text-sm text-muted-foreground" data-testid="products-count">
              {countFormat.format(list.total)} {list.total === 1 ? "product" : "products"}
            </p>
            <PaginationLinks className="flex-1" page={list.page} pageCount={list.pageCount} hrefFor={(page) => productsHref({ ...filters, page })} />
          </div>
        </>
      )}
    </div>
  );
}
