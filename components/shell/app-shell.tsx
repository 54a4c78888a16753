import { Wallet } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { Breadcrumbs } from "./breadcrumbs";
import { MobileNav } from "./mobile-nav";
import { ADMIN_NAV, MAIN_NAV, type NavItem } from "./nav-items";
import type { NavLink } from "./sidebar-nav";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

function linksFor(user: CurrentUser, items: NavItem[]): NavLink[] {
  return items
    .filter((item) => can(user.role, item.permission))
    .map(({ icon: Icon, title, href }) => ({ title, href, icon: <Icon /> }));
}

/** The staff console frame: sidebar (a sheet on phones), header with breadcrumbs and user menu. */
export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const admin = linksFor(user, ADMIN_NAV);
  const sections = [{ items: linksFor(user, MAIN_NAV) }, ...(admin.length ? [{ title: "Admin", items: admin }] : [])];
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col gap-6 border-r bg-sidebar p-4 md:flex">
        <Link href="/dashboard" className="flex items-center gap-2 px-3 text-lg font-semibold">
          <Wallet className="size-5 text-primary" /> CleanPay
        </Link>
        <SidebarNav sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur md:px-6">
          <MobileNav sections={sections} />
          <Breadcrumbs />
          <div className="ml-auto">
            <UserMenu name={user.name} email={user.email} role={user.role} accountLinks />
          </div>
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
