import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils";

export type SortDir = "asc" | "desc";

/** The header's aria-sort: set on the column the list is sorted by, and on no other. */
export function ariaSort(active: boolean, dir: SortDir): "ascending" | "descending" | undefined {
  if (!active) return undefined;
  return dir === "asc" ? "ascending" : "descending";
}

interface Props {
  label: string;
  /** the list is sorted by this column now */
  active: boolean;
  /** the list's direction now */
  dir: SortDir;
  /** the direction this column starts in when chosen */
  defaultDir: SortDir;
  /** the list's URL sorted by this column in `dir` */
  hrefFor: (dir: SortDir) => string;
  className?: string;
}

/** A column title that sorts by linking: the current sort flips direction, another starts at its default. */
export function SortLink({ label, active, dir, defaultDir, hrefFor, className }: Props) {
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir;
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link
      href={hrefFor(next)}
      scroll={false}
      className={cn(
        "-ml-2 inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none",
        className,
      )}
      aria-label={`${label}: sort ${next === "asc" ? "ascending" : "descending"}`}
    >
      {label}
      <Icon className={active ? "size-3.5" : "size-3.5 opacity-40"} />
    </Link>
  );
}
