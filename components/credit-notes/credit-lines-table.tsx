"use client";

import type { Control } from "react-hook-form";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CreditableLine } from "@/lib/credit-notes/queries";
import type { CreateCreditNoteFormValues } from "@/lib/credit-notes/schemas";
import { formatQuantity } from "@/lib/quantity";

interface Props {
  control: Control<CreateCreditNoteFormValues>;
  /** in the same order as the form's `lines` */
  lines: CreditableLine[];
}

/** A quantity to credit per invoice line, up to what earlier credit notes left uncredited. */
export function CreditLinesTable({ control, lines }: Props) {
  return (
    <Table data-testid="credit-lines">
      <TableHeader>
        <TableRow>
          <TableHead>Line</TableHead>
          <TableHead className="text-right">Invoiced</TableHead>
          <TableHead className="text-right">Left to credit</TableHead>
          <TableHead className="w-32 text-right">Credit</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line, index) => {
          const unit = line.unit ? ` ${line.unit}` : "";
          const done = line.remainingQuantity === 0n;
          return (
            <TableRow key={line.id} data-testid="credit-line-row">
              <TableCell className="max-w-xs truncate">{line.description}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatQuantity(line.quantity)}
                {unit}
              </TableCell>
              <TableCell className="text-right tabular-nums">{done ? "Fully credited" : `${formatQuantity(line.remainingQuantity)}${unit}`}</TableCell>
              <TableCell>
                <FormField
                  control={control}
                  name={`lines.${index}.quantity`}
                  render={({ field }) => (
                    <FormItem>
                      <FormControl>
                        <Input
                          {...field}
                          inputMode="decimal"
                          autoComplete="off"
                          disabled={done}
                          placeholder="0"
                          className="text-right tabular-nums"
                          aria-label={`Quantity to credit of ${line.description}`}
                        />
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
