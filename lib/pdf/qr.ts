import QRCode from "qrcode";

/** A PNG data URL of a QR code for `url` (the invoice's public page), sized for print. */
export function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 240, color: { dark: "#000000", light: "#ffffff" } });
}
