// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

/** A titled block of free text; a block without a heading prints the text alone. */
export type NoteBlock = { heading: string | null; text: string | null };

/** Notes, terms and the invoice's own footer: each printed only when it has text. */
export function Notes({ blocks }: { blocks: readonly NoteBlock[] }) {
  const filled = blocks.flatMap((block) => (block.text?.trim() ? [{ heading: block.heading, text: block.text.trim() }] : []));
  if (filled.length === 0) return null;
  return (
    <View>
      {filled.map((block, index) => (
        <View key={index} style={styles.section}>
          {/* keep a heading with at least the first lines of its text */}
          {block.heading ? (
            <Text style={styles.label} minPresenceAhead={24}>
              {block.heading}
            </Text>
          ) : null}
          <Text>{block.text}</Text>
        </View>
      ))}
    </View>
  );
}
