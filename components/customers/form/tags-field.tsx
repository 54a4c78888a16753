"use client";

import { X } from "lucide-react";
import { useFormContext } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { CustomerFormValues } from "@/lib/customers/schemas";

/** The tags as the schema will store them: split on commas, trimmed, lower case, unique. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

export function TagsField() {
  const { control } = useFormContext<CustomerFormValues>();
  return (
    <FormField
      control={control}
      name="tags"
      render={({ field }) => {
        const text = Array.isArray(field.value) ? field.value.join(", ") : (field.value ?? "");
        const tags = splitTags(text);
        return (
          <FormItem className="sm:col-span-2">
            <FormLabel>Tags</FormLabel>
            <FormControl>
              <Input {...field} value={text} placeholder="vip, wholesale" autoComplete="off" />
            </FormControl>
            {tags.length ? (
              <ul className="flex flex-wrap gap-1.5" aria-label="Tags as they will be saved">
                {tags.map((tag) => (
                  <li key={tag}>
                    <Badge variant="secondary" className="gap-1 pr-1">
                      {tag}
                      <button
                        type="button"
                        className="rounded-sm opacity-70 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                        aria-label={`Remove tag ${tag}`}
                        onClick={() => field.onChange(tags.filter((other) => other !== tag).join(", "))}
                      >
                        <X className="size-3" />
                      </button>
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : null}
            <FormDescription>Separate tags with commas. Letters, digits, spaces, - and _.</FormDescription>
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
