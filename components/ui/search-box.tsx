"use client";

import { Search, X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";

const DEBOUNCE_MS = 300;

type SearchBoxProps = {
  id: string;
  placeholder: string;
  /** the search in the URL now */
  value: string;
  /** called with the trimmed text, or undefined when the box is cleared */
  onSearch: (q: string | undefined) => void;
};

/**
 * A list's search input: typing updates the URL after a short pause, Enter at once, Escape
 * clears. A change of the URL from elsewhere (clear filters, a saved view, a link) is shown in the box.
 */
export function SearchBox({ id, placeholder, value, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const input = useRef<HTMLInputElement>(null);

  // text typed before the page finished loading is in the DOM but not in state: keep it
  useEffect(() => {
    const typed = input.current?.value;
    if (typed !== undefined && typed !== value) setText(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  // the URL changed without us (a link, a saved view): show its search
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  // the latest callback, so the debounce timer restarts only when the text changes
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  // reads only refs, so it is stable
  const send = useCallback((next: string) => {
    const q = next.trim();
    if (q === lastSent.current) return;
    lastSent.current = q;
    onSearchRef.current(q || undefined);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => send(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, send]);

  function clear() {
    setText("");
    send("");
  }

  return (
    <div className="relative">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        ref={input}
        id={id}
        type="search"
        placeholder={placeholder}
        className="w-72 pl-8 [&::-webkit-search-cancel-button]:hidden"
        value={text}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            send(text);
          } else if (event.key === "Escape" && text) {
            event.preventDefault();
            clear();
          }
        }}
      />
      {text ? (
        <button
          type="button"
          aria-label="Clear search"
          className="absolute top-1/2 right-2 -translate-y-1/2 rounded-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
          onClick={clear}
        >
          <X className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
