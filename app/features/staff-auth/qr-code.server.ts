// The enrolment QR code, drawn on the server as SVG: no script, no image
// host, and the secret never leaves the page.
import QRCode from 'qrcode'

export function qrCodeSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
