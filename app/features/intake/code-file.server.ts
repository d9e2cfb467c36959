// "Save as a text file" on the code page: a short text in the page's
// language with the code, where to use it and how to keep it. Made from the
// code the page posted back, since the server keeps none; never logged.
import type { TFunction } from 'i18next'

export const CODE_FILE_NAME = 'follow-up-code.txt'

export function codeFileText(t: TFunction, code: string, origin: string): string {
	return [
		t('intake:confirmation.codeTitle'),
		'',
		code,
		'',
		t('code:file.use', { address: `${origin}/follow-up` }),
		t('intake:confirmation.codeSecret'),
		t('code:file.keep'),
		'',
	].join('\r\n')
}

/** A download in any browser, with or without JavaScript; never cached. */
export function codeFileResponse(text: string): Response {
	return new Response(text, {
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Content-Disposition': `attachment; filename="${CODE_FILE_NAME}"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
