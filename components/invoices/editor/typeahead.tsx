"use client";

import { Loader2 } from "lucide-react";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const DEBOUNCE_MS = 200;

interface Props<T> {
  /** the input's accessible name */
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** throws an Error whose message is shown in the list */
  search: (q: string) => Promise<T[]>;
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  emptyText: string;
}

/**
 * A combobox (WAI-ARIA 1.2 list autocomplete): type to search on the server, arrows to move,
 * Enter to pick, Escape to close. Enter never submits the surrounding form.
 */
export function Typeahead<T>({ label, placeholder, autoFocus, search, getKey, renderItem, onPick, emptyText }: Props<T>) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<T[]>([]);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // answers can arrive out of order; only the latest request's answer is shown
  const latest = useRef(0);

  useEffect(() => {
    if (!open) return;
    const request = ++latest.current;
    setLoading(true);
    const timer = setTimeout(() => {
      search(query).then(
        (found) => {
          if (request !== latest.current) return;
          setItems(found);
          setActive(0);
          setError(null);
          setLoading(false);
        },
        (reason: unknown) => {
          if (request !== latest.current) return;
          setItems([]);
          setError(reason instanceof Error ? reason.message : "Search failed.");
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [open, query, search]);

  function pick(item: T | undefined) {
    if (item === undefined) return;
    setOpen(false);
    setQuery("");
    onPick(item);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (!open) setOpen(true);
      else setActive((current) => (items.length ? (current + step + items.length) % items.length : 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open) pick(items[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  const showList = open && (loading || error !== null || items.length > 0 || query.trim() !== "");
  return (
    <div className="relative">
      <Input
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && items.length ? optionId(active) : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && loading ? <Loader2 className="absolute top-2.5 right-2.5 size-4 animate-spin text-muted-foreground" aria-hidden /> : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!showList}
        className="absolute z-50 mt-1 max-h-72 w-full overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
      >
        {items.map((item, index) => (
          <li
            key={getKey(item)}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={cn("cursor-pointer rounded-sm px-2 py-1.5 text-sm", index === active && "bg-accent text-accent-foreground")}
            // mousedown would blur the input (closing the list) before the click lands
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(item)}
          >
            {renderItem(item)}
          </li>
        ))}
        {loading && items.length === 0 ? <li className="px-2 py-1.5 text-sm text-muted-foreground">Searching…</li> : null}
        {!loading && error ? <li className="px-2 py-1.5 text-sm text-destructive">{error}</li> : null}
        {!loading && !error && items.length === 0 ? <li className="px-2 py-1.5 text-sm text-muted-foreground">{emptyText}</li> : null}
      </ul>
    </div>
  );
}
