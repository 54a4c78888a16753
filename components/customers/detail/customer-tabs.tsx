"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

export interface CustomerTab {
  value: string;
  label: string;
  count?: number;
  content: ReactNode;
}

/**
 * The detail page's tabs. The panels are rendered on the server; switching only swaps them and
 * writes ?tab= into the URL (without a round trip), so a tab can be linked and survives reloads.
 */
export function CustomerTabs({ initial, tabs }: { initial: string; tabs: CustomerTab[] }) {
  const pathname = usePathname();
  const [tab, setTab] = useState(initial);

  function change(value: string) {
    setTab(value);
    window.history.replaceState(null, "", value === "overview" ? pathname : `${pathname}?tab=${encodeURIComponent(value)}`);
  }

  return (
    <Tabs value={tab} onValueChange={change} className="gap-4">
      <div className="overflow-x-auto">
        <TabsList>
          {tabs.map((item) => (
            <TabsTrigger key={item.value} value={item.value} className="px-3">
              {item.label}
              {item.count ? <span className="rounded-full bg-muted px-1.5 text-xs text-muted-foreground tabular-nums">{item.count}</span> : null}
            </TabsTrigger>
          ))}
        </TabsList>
      </div>
      {tabs.map((item) => (
        <TabsContent key={item.value} value={item.value}>
          {item.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
