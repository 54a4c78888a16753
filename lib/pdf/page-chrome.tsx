// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import type { ReactNode } from "react";
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

type PageChromeProps = {
  children?: ReactNode;
  pageNumber?: number;
  totalPages?: number;
  /** the document number (or DRAFT), repeated beside the page number */
  reference: string;
  /** the template's footer text */
  footerText: string | null;
  /** "DRAFT" or "VOID" in pale letters behind the content, or null */
  watermark: string | null;
};

/**
 * What repeats on every page around the flowing content: the watermark and the footer with
 * "Page x of y". Used as the Page `layout` (react-pdf's new pagination engine runs it once per
 * page); layout components may not use hooks.
 */
export function PageChrome({ children, pageNumber, totalPages, reference, footerText, watermark }: PageChromeProps) {
  return (
    <>
      {watermark ? <Text style={styles.watermark}>{watermark}</Text> : null}
      {children}
      <View style={styles.footer}>
        <Text style={{ maxWidth: 360 }}>{footerText ?? ""}</Text>
        <Text>{`${reference} · Page ${pageNumber ?? 1} of ${totalPages ?? 1}`}</Text>
      </View>
    </>
  );
}
