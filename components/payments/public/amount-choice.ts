import { formatMoney, parseMoney } from "@/lib/money";

export type AmountChoice = { ok: true; minor: bigint } | { ok: false; error: string };

/** What the customer typed as the amount to pay now: more than 0, at most the amount due. */
export function chooseAmount(text: string, currency: string, due: bigint): AmountChoice {
  const parsed = parseMoney(text, currency);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.minor <= 0n) return { ok: false, error: "The amount must be more than 0." };
  if (parsed.minor > due) return { ok: false, error: `You can pay at most ${formatMoney(due, currency)}, the amount due.` };
  return { ok: true, minor: parsed.minor };
}
