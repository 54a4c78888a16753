import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireStaff } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  return <AppShell user={user}>{children}</AppShell>;
}
