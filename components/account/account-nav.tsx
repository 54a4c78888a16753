import Link from "next/link";
import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/account", label: "Profile" },
  { href: "/account/security", label: "Password and 2FA" },
] as const;

/** The two account pages, as links so each has its own URL. */
export function AccountNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Account" className="inline-flex rounded-lg bg-muted p-1 text-sm">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 font-medium text-muted-foreground transition-colors hover:text-foreground",
            link.href === current && "bg-background text-foreground shadow-sm",
          )}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
