import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold tracking-tight" data-testid="not-found">
        Page not found
      </h1>
      <p className="max-w-sm text-sm text-muted-foreground">
        The page does not exist, or your account does not have access to it.
      </p>
      <Button asChild variant="outline">
        <Link href="/">Go to your home page</Link>
      </Button>
    </div>
  );
}
