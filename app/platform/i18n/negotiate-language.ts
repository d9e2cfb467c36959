import { DEFAULT_LANGUAGE, findLanguage, languagesFor, type LanguageScope } from './languages'

export const LANGUAGE_COOKIE = 'lang'
export const LANGUAGE_PARAM = 'lang'

type LanguageSources = {
	/** The `?lang=` parameter of the URL, if any. */
	param: string | null
	/** The language cookie's value, if any. */
	cookie: string | null
	acceptLanguage: string | null
}

/**
 * The URL wins (a link someone chose or shared), then the cookie (a choice
 * made earlier), then the browser's Accept-Language, then German.
 */
export function negotiateLanguage(sources: LanguageSources, scope: LanguageScope): string {
	for (const explicit of [sources.param, sources.cookie]) {
		const language = explicit ? findLanguage(explicit, scope) : undefined
		if (language) return language.code
	}
	return fromAcceptLanguage(sources.acceptLanguage, scope) ?? DEFAULT_LANGUAGE
}

function fromAcceptLanguage(header: string | null, scope: LanguageScope): string | undefined {
	if (!header) return undefined
	const ranges = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';')
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
			const quality = q ? Number(q.slice(2)) : 1
			return {
				tag: tag.trim().toLowerCase(),
				quality: Number.isFinite(quality) ? quality : 0,
				index,
			}
		})
		.filter((range) => range.tag && range.tag !== '*' && range.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)

	const languages = languagesFor(scope)
	for (const { tag } of ranges) {
		const primary = tag.split('-')[0]
		const match =
			languages.find((l) => l.code.toLowerCase() === tag) ??
			languages.find((l) => (l.aliases as readonly string[]).includes(tag)) ??
			languages.find((l) => (l.aliases as readonly string[]).includes(primary ?? '')) ??
			// `de-CH` means German, never the Leichte Sprache variant.
			languages.find((l) => l.code.toLowerCase() === primary)
		if (match) return match.code
	}
	return undefined
}
