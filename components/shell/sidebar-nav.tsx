"use client";

import { Loader2 } from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import type { NavItem } from "./nav-items";

/** Icons travel as names: a server component cannot pass component functions to the client. */
export type NavLink = Omit<NavItem, "icon" | "permission"> & { icon: React.ReactNode };

export function SidebarNav({ sections, onNavigate }: { sections: { title?: string; items: NavLink[] }[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-6">
      {sections.map((section, i) => (
        <div key={section.title ?? i} className="flex flex-col gap-1">
          {section.title ? (
            <p className="px-3 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">{section.title}</p>
          ) : null}
          {section.items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground [&_svg]:size-4",
                  active && "bg-accent text-accent-foreground",
                )}
              >
                {item.icon}
                {item.title}
                <PendingMark />
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}

/** Pages render only when their data is ready (no route-level Suspense), so the clicked link says it is on its way. */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Loader2 aria-label="Loading" className="ml-auto animate-spin" /> : null;
}
