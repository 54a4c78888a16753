import { minorToDecimalString, formatMoney } from "@/lib/money";

// Server-side shaping of chart points: money goes to the browser as a plain number of major units
// (for the bar heights only) next to the exact text formatMoney gives (for tooltips and labels).

/** 123450n USD → 1234.5: for plotting only, never for arithmetic. */
export function toMajor(minor: bigint, currency: string): number {
  return Number(minorToDecimalString(minor, currency));
}

export interface MoneyDatum {
  label: string;
  /** major units, for the chart's scale */
  value: number;
  /** formatMoney of the exact minor amount */
  text: string;
  count?: number;
}

export function moneyDatum(label: string, minor: bigint, currency: string, count?: number): MoneyDatum {
  return { label, value: toMajor(minor, currency), text: formatMoney(minor, currency), count };
}

export interface RevenueDatum {
  label: string;
  collected: number;
  invoiced: number;
  collectedText: string;
  invoicedText: string;
}

/** The tooltip text of a series on a datum: `<key>Text`, or `text`. */
export function datumText(datum: unknown, key: string): string | undefined {
  if (!datum || typeof datum !== "object") return undefined;
  const fields = datum as Record<string, unknown>;
  const text = fields[`${key}Text`] ?? fields.text;
  return typeof text === "string" ? text : undefined;
}

/** Axis ticks: short and in the currency ("$12K", "¥1.2M"); exact amounts are in the tooltips. */
export function axisTick(value: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
}

/** The count a datum carries, when it has one. */
export function datumCount(datum: unknown): number | undefined {
  if (!datum || typeof datum !== "object" || !("count" in datum)) return undefined;
  return typeof datum.count === "number" ? datum.count : undefined;
}
