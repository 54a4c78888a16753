import { FilterForm, FilterInput, FilterSelect } from "@/components/admin/filter-form";
import { isChoice, paramText, type ReportControl } from "@/lib/reports/controls";
import { CustomerFilter } from "./customer-filter";

interface Props {
  /** the report's page, where the GET form sends its fields */
  action: string;
  controls: readonly ReportControl[];
  /** the params as the report read them (defaults filled in) */
  params: object;
  /** currencies that have invoices, for the currency choice */
  currencies: readonly string[];
  customerName: string | null;
}

const valueOf = paramText;

/**
 * The report's filters as a GET form, one field per control, so every view is a URL that can be
 * bookmarked, shared, and exported as it is.
 */
export function ReportFilterBar({ action, controls, params, currencies, customerName }: Props) {
  return (
    <FilterForm action={action}>
      {controls.map((control) => {
        if (isChoice(control)) {
          return (
            <FilterSelect key={control.name} label={control.label} name={control.name} value={valueOf(params, control.name)} allLabel="Default" options={control.options} />
          );
        }
        switch (control) {
          case "period":
            return (
              <div key="period" className="flex items-end gap-2">
                <FilterInput label="From" name="from" type="date" value={valueOf(params, "from")} className="grid w-40 gap-1.5" />
                <FilterInput label="To" name="to" type="date" value={valueOf(params, "to")} className="grid w-40 gap-1.5" />
              </div>
            );
          case "asOf":
            return <FilterInput key="asOf" label="As of" name="asOf" type="date" value={valueOf(params, "asOf")} className="grid w-40 gap-1.5" />;
          case "currency": {
            const current = valueOf(params, "currency");
            // a currency from the URL that no invoice has (yet) still shows as chosen
            const options = current && !currencies.includes(current) ? [current, ...currencies] : currencies;
            return <FilterSelect key="currency" label="Currency" name="currency" value={current} allLabel="All currencies" options={options} />;
          }
          case "customer":
            return <CustomerFilter key="customer" customerId={valueOf(params, "customerId")} customerName={customerName} />;
        }
      })}
    </FilterForm>
  );
}
