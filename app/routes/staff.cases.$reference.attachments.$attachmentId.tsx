import type { LoaderFunctionArgs } from '@remix-run/node'
import { attachmentDisposition, safeDownloadName } from '~/features/attachments/download-name'
import { WORK_CASES } from '~/platform/permissions'
import { readAttachment } from '~/features/cases/attachment-download.server'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'
import { DOWNLOAD_ROUTE } from '~/platform/download-route'

export const handle = DOWNLOAD_ROUTE

/**
 * An attachment, decrypted for someone allowed to read the case. Always a
 * download (never shown inline, where a crafted file could run as a page),
 * with nosniff and a sandboxing CSP as a second line, under a name whose
 * extension is that of the type its content was found to be.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request, WORK_CASES)
	const file = await readAttachment(actor, params.reference ?? '', params.attachmentId ?? '')
	if (!file) throw new Response('Not found', { status: 404 })
	return new Response(new Uint8Array(file.content), {
		headers: {
			'Content-Type': file.mediaType,
			'Content-Length': String(file.content.length),
			'Content-Disposition': attachmentDisposition(safeDownloadName(file.name, file.mediaType)),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'no-store',
		},
	})
}
