import type { ReactNode } from "react";

/** A titled group of fields: title and hint on the left, fields on the right on wide screens. */
export function FormSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="grid gap-4 border-b pb-6 last:border-b-0 md:grid-cols-[14rem_1fr]" aria-labelledby={`section-${title}`}>
      <div>
        <h2 id={`section-${title}`} className="text-sm font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );
}
