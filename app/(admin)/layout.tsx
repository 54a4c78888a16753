import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireStaff } from "@/lib/auth/session";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

// Finance and viewer staff get a 404: the admin area does not exist for them.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  if (user.role !== "admin") notFound();
  return <AppShell user={user}>{children}</AppShell>;
}
