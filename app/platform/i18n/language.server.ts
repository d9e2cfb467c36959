import { LANGUAGE_COOKIE, LANGUAGE_PARAM, negotiateLanguage } from './negotiate-language'
import { type LanguageScope } from './languages'

export function getLanguage(request: Request, scope: LanguageScope = 'public'): string {
	const url = new URL(request.url)
	return negotiateLanguage(
		{
			param: url.searchParams.get(LANGUAGE_PARAM),
			cookie: readCookie(request.headers.get('Cookie'), LANGUAGE_COOKIE),
			acceptLanguage: request.headers.get('Accept-Language'),
		},
		scope,
	)
}

/**
 * When the visitor picked a language through the switcher (`?lang=`), the
 * choice is kept in a first-party cookie that holds nothing but the code.
 */
export function languageCookieHeader(request: Request, language: string): string | undefined {
	const url = new URL(request.url)
	if (!url.searchParams.has(LANGUAGE_PARAM)) return undefined
	if (readCookie(request.headers.get('Cookie'), LANGUAGE_COOKIE) === language) return undefined
	const secure = url.protocol === 'https:' ? '; Secure' : ''
	return `${LANGUAGE_COOKIE}=${encodeURIComponent(language)}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`
}

function readCookie(header: string | null, name: string): string | null {
	if (!header) return null
	for (const part of header.split(';')) {
		const [key, ...rest] = part.trim().split('=')
		if (key === name) {
			try {
				return decodeURIComponent(rest.join('='))
			} catch {
				return null
			}
		}
	}
	return null
}
