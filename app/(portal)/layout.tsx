import { Wallet } from "lucide-react";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/shell/user-menu";
import { homeFor, requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (user.role !== "customer") redirect(homeFor(user.role));
  return (
    <div className="min-h-screen">
      <header className="flex h-14 items-center gap-2 border-b px-4 md:px-6">
        <Wallet className="size-5 text-primary" />
        <span className="font-semibold">CleanPay</span>
        <span className="text-sm text-muted-foreground">Customer portal</span>
        <div className="ml-auto">
          <UserMenu name={user.name} email={user.email} role={user.role} accountLinks={false} />
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl p-4 md:p-6">{children}</main>
    </div>
  );
}
