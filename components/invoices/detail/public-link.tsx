"use client";

import { Check, Copy, ExternalLink } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** The customer's link to this invoice: shown, copyable, and openable to check what they see. */
export function PublicLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success("Public link copied.");
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // clipboard access is refused on plain http or without focus: the field stays selectable
      toast.error("Could not copy. Select the link and copy it yourself.");
    }
  }

  return (
    <div className="flex items-center gap-2">
      <Input readOnly value={url} aria-label="Public link" className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} data-testid="public-link-url" />
      <Button type="button" variant="outline" size="icon" onClick={copy} aria-label="Copy public link" data-testid="copy-public-link">
        {copied ? <Check /> : <Copy />}
      </Button>
      <Button variant="outline" size="icon" asChild>
        <a href={url} target="_blank" rel="noopener noreferrer" aria-label="Open public page" data-testid="public-link">
          <ExternalLink />
        </a>
      </Button>
    </div>
  );
}
