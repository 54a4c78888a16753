import { Construction } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "./page-header";

/** A console section whose feature has not shipped yet: gated like the real page, honest about it. */
export function pendingPage({ title, permission, description }: { title: string; permission: Permission; description: string }) {
  return async function PendingPage() {
    await requirePermission(permission);
    return (
      <div className="space-y-6">
        <PageHeader title={title} />
        <Card>
          <EmptyState icon={<Construction />} title={`${title} are not available yet`} description={description} />
        </Card>
      </div>
    );
  };
}
