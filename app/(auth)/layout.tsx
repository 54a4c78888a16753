import { Wallet } from "lucide-react";
import type { ReactNode } from "react";

export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="flex items-center gap-2 text-lg font-semibold">
        <Wallet className="size-5 text-primary" /> CleanPay
      </div>
      <div className="w-full max-w-sm">{children}</div>
    </div>
  );
}
