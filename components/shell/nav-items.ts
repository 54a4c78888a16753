import { BarChart3, ClipboardList, CreditCard, FileText, LayoutDashboard, LayoutTemplate, Mail, Package, Percent, Settings, ShieldAlert, Users, UsersRound, Wallet, Webhook, type LucideIcon } from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  title: string;
  href: string;
  icon: LucideIcon;
  permission: Permission;
}

export const MAIN_NAV: NavItem[] = [
  { title: "Dashboard", href: "/dashboard", icon: LayoutDashboard, permission: "dashboard.view" },
  { title: "Customers", href: "/customers", icon: UsersRound, permission: "customers.read" },
  { title: "Invoices", href: "/invoices", icon: FileText, permission: "invoices.read" },
  { title: "Products", href: "/products", icon: Package, permission: "invoices.read" },
  { title: "Payments", href: "/payments", icon: CreditCard, permission: "payments.read" },
  { title: "Disputes", href: "/disputes", icon: ShieldAlert, permission: "payments.read" },
  { title: "Reports", href: "/reports", icon: BarChart3, permission: "reports.view" },
];

export const ADMIN_NAV: NavItem[] = [
  { title: "Users", href: "/admin/users", icon: Users, permission: "users.manage" },
  { title: "Company settings", href: "/admin/settings", icon: Settings, permission: "settings.manage" },
  { title: "Tax rates", href: "/admin/tax-rates", icon: Percent, permission: "tax_rates.manage" },
  { title: "Invoice templates", href: "/admin/templates", icon: LayoutTemplate, permission: "settings.manage" },
  { title: "Payment methods", href: "/admin/payment-methods", icon: Wallet, permission: "settings.manage" },
  { title: "Webhooks", href: "/admin/webhooks", icon: Webhook, permission: "settings.manage" },
  { title: "Audit log", href: "/admin/audit", icon: ClipboardList, permission: "audit.view" },
  { title: "Email outbox", href: "/admin/outbox", icon: Mail, permission: "outbox.view" },
];
