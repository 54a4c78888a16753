import { Check } from "lucide-react";
import { cn } from "@/lib/utils";

export const WIZARD_STEPS = ["Upload", "Map columns", "Preview", "Import", "Report"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Where the user is in the wizard; done steps get a check mark. */
export function WizardSteps({ current }: { current: WizardStep }) {
  const at = WIZARD_STEPS.indexOf(current);
  return (
    <ol className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" aria-label="Import steps">
      {WIZARD_STEPS.map((step, index) => (
        <li key={step} className="flex items-center gap-2" aria-current={index === at ? "step" : undefined}>
          <span
            className={cn(
              "flex size-6 items-center justify-center rounded-full border text-xs tabular-nums",
              index < at && "border-primary bg-primary text-primary-foreground",
              index === at && "border-primary text-primary",
              index > at && "text-muted-foreground",
            )}
          >
            {index < at ? <Check className="size-3.5" /> : index + 1}
          </span>
          <span className={cn(index === at ? "font-medium" : "text-muted-foreground")}>{step}</span>
        </li>
      ))}
    </ol>
  );
}
