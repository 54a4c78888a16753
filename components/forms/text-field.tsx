"use client";

import type { ComponentProps, ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

// the field supplies these; everything else (type, autoComplete, autoFocus, …) goes to the <input>
type InputProps = Omit<ComponentProps<typeof Input>, "name" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref">;

export interface TextFieldProps<T extends FieldValues, TOut = T> extends InputProps {
  control: Control<T, unknown, TOut>;
  name: FieldPath<T>;
  label: ReactNode;
  /** help text under the input */
  description?: ReactNode;
  /** shown at the right of the label row, e.g. a "Forgot password?" link */
  labelAction?: ReactNode;
  /** classes of the wrapper; `className` styles the input */
  itemClassName?: string;
}

/** One labelled input of a react-hook-form form, with its help text and field error under it. */
export function TextField<T extends FieldValues, TOut = T>({ control, name, label, description, labelAction, itemClassName, ...inputProps }: TextFieldProps<T, TOut>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={itemClassName}>
          {labelAction ? (
            <div className="flex items-center justify-between">
              <FormLabel>{label}</FormLabel>
              {labelAction}
            </div>
          ) : (
            <FormLabel>{label}</FormLabel>
          )}
          <FormControl>
            <Input {...inputProps} {...field} value={inputValue(field.value)} />
          </FormControl>
          {description ? <FormDescription>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

// an optional field may hold undefined: the input stays controlled, showing it as empty
function inputValue(value: unknown): string | number {
  if (typeof value === "number") return value;
  return value === undefined || value === null ? "" : String(value);
}
