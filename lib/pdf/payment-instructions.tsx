// tsx (the PDF bench) reads tsconfig's "jsx": "preserve" as classic React.createElement; Next does not need this
/** @jsxRuntime automatic */
import { Link, Image as PdfImage, Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

// A link must print exactly as it is: no hyphen may be inserted into it at a line end.
const keepWhole = (word: string) => [word];

/** One instruction; any URL in it is clickable. */
function Instruction({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/);
  return (
    <Text style={styles.paragraph} hyphenationCallback={keepWhole}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Link key={index} src={part} style={styles.link}>
            {part}
          </Link>
        ) : (
          part
        ),
      )}
    </Text>
  );
}

/** How to pay: the instructions, and a QR code of the public page when there is one. */
export function PaymentInstructions({ lines, qrCode }: { lines: readonly string[]; qrCode: string | null }) {
  if (lines.length === 0 && !qrCode) return null;
  return (
    <View style={styles.section} wrap={false}>
      <Text style={styles.label}>How to pay</Text>
      <View style={styles.paymentBox}>
        <View style={{ flexGrow: 1, flexBasis: 0, paddingRight: 8 }}>
          {lines.map((line, index) => (
            <Instruction key={index} text={line} />
          ))}
        </View>
        {qrCode ? (
          <View style={{ alignItems: "center" }}>
            <PdfImage style={styles.qr} src={qrCode} />
            <Text style={[styles.muted, { fontSize: 7, marginLeft: 12 }]}>Scan to view and pay</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
