// The name a file is downloaded under. The name a reporter gave is display
// text only: "run.hta" or "x.svg.png" must not reach a desktop as what they
// say, so the download keeps the name's letters and digits and takes the
// extension of the type the content was found to be.
import type { AcceptedMediaType } from './file-type.server'

const EXTENSION: Record<AcceptedMediaType, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
	'audio/wav': 'wav',
	'audio/ogg': 'ogg',
	'audio/webm': 'webm',
	'audio/mp4': 'm4a',
	'audio/mpeg': 'mp3',
}

export function safeDownloadName(originalName: string, mediaType: string): string {
	const stem =
		originalName
			.normalize('NFC')
			// Every dot, path separator, control or other sign becomes a hyphen.
			.replace(/[^\p{L}\p{N}\p{M} _-]+/gu, '-')
			.replace(/-{2,}/g, '-')
			.replace(/^[-\s]+|[-\s]+$/g, '')
			.slice(0, 80) || 'attachment'
	// Stored types are always accepted ones; anything else downloads as opaque bytes.
	const extension = Object.hasOwn(EXTENSION, mediaType)
		? EXTENSION[mediaType as AcceptedMediaType]
		: 'bin'
	return `${stem}.${extension}`
}

/** A Content-Disposition that always downloads, with an ASCII fallback name. */
export function attachmentDisposition(name: string): string {
	const ascii = name.replace(/[^A-Za-z0-9._ -]+/g, '_')
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
