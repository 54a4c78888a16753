import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { NativeSelect } from "@/components/admin/native-select";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A GET form: filters land in the URL, so a filtered view can be bookmarked and shared. */
export function FilterForm({ action, children }: { action: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" className="flex flex-wrap items-end gap-3">
      {children}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <Link href={action} className={buttonVariants({ variant: "ghost" })}>
          Clear
        </Link>
      </div>
    </form>
  );
}

/** A label over a filter control; the control (or `className`) sets the width. */
export function FilterField({ label, htmlFor, className, children }: { label: string; htmlFor: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ?? "grid gap-1.5"}>
      <Label htmlFor={htmlFor} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}

interface FilterInputProps extends Omit<ComponentProps<typeof Input>, "id" | "name" | "value" | "defaultValue"> {
  label: string;
  /** the URL parameter, also the input's id */
  name: string;
  /** the current value from the URL */
  value: string | undefined;
  /** classes of the labelled wrapper, as on FilterField */
  className?: string;
}

/** A labelled text, search or date input of a filter form. */
export function FilterInput({ label, name, value, className, ...inputProps }: FilterInputProps) {
  return (
    <FilterField label={label} htmlFor={name} className={className ?? "grid w-44 gap-1.5"}>
      <Input id={name} name={name} defaultValue={value ?? ""} {...inputProps} />
    </FilterField>
  );
}

interface FilterSelectProps {
  label: string;
  /** the URL parameter, also the select's id */
  name: string;
  /** the current value from the URL */
  value: string | undefined;
  /** the first choice, which drops the filter ("All roles") */
  allLabel: string;
  /** a plain string is both the value and its label */
  options: readonly (string | { value: string; label: string })[];
}

/** A labelled select of a filter form; its empty first choice means "no filter". */
export function FilterSelect({ label, name, value, allLabel, options }: FilterSelectProps) {
  return (
    <FilterField label={label} htmlFor={name} className="grid w-44 gap-1.5">
      <NativeSelect id={name} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((option) => {
          const { value: optionValue, label: optionLabel } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          );
        })}
      </NativeSelect>
    </FilterField>
  );
}

interface FilterChoiceProps {
  id: string;
  label: string;
  /** the current value from the URL */
  value: string | undefined;
  options: readonly string[];
  /** the first choice, which drops the filter ("Any currency") */
  anyLabel: string;
  onChange: (value: string | undefined) => void;
  /** the select's width */
  className?: string;
}

/** A labelled select of a list that filters as soon as it changes (no form submit). */
export function FilterChoice({ id, label, value, options, anyLabel, onChange, className = "w-36" }: FilterChoiceProps) {
  // a value from the URL that no record has (yet) still shows as chosen
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <FilterField label={label} htmlFor={id}>
      <NativeSelect id={id} className={className} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{anyLabel}</option>
        {all.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </NativeSelect>
    </FilterField>
  );
}
