import { Badge } from "@/components/ui/badge";

export function ProductStatusBadge({ active }: { active: boolean }) {
  return (
    <Badge variant={active ? "success" : "secondary"} data-testid="product-status">
      {active ? "Active" : "Inactive"}
    </Badge>
  );
}
