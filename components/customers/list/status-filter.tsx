"use client";

import { MultiSelectFilter } from "@/components/ui/multi-select-filter";
import { LIST_STATUSES } from "@/lib/customers/list-params";

type Status = (typeof LIST_STATUSES)[number];

const LABELS: Record<Status, string> = { active: "Active", suspended: "Suspended", archived: "Archived" };

function summary(selected: readonly Status[], includeArchived: boolean): string {
  if (selected.length === 0) return includeArchived ? "All" : "Active & suspended";
  if (selected.length === LIST_STATUSES.length) return "All";
  return selected.map((status) => LABELS[status]).join(", ");
}

/** Several statuses at once; none chosen means everything but archived. */
export function StatusFilter({
  selected,
  includeArchived,
  onChange,
}: {
  selected: readonly Status[];
  includeArchived: boolean;
  onChange: (status: Status[]) => void;
}) {
  return (
    <MultiSelectFilter
      id="customer-status"
      label="Status"
      options={LIST_STATUSES}
      labels={LABELS}
      selected={selected}
      onChange={onChange}
      summary={summary(selected, includeArchived)}
      heading="Show customers that are"
      clearLabel="Active & suspended (default)"
      className="w-48"
    />
  );
}
