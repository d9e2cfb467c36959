// The languages of the public pages (product.md, "Languages") and of the
// staff pages. A language's code is its BCP 47 tag: it goes into
// `<html lang>`, the `?lang=` parameter and the language cookie alike.
export type Direction = 'ltr' | 'rtl'

export type Language = {
	code: string
	/** The language's name in itself, as the language switcher shows it. */
	nativeName: string
	dir: Direction
	/** Other tags a browser may send for it in Accept-Language. */
	aliases: readonly string[]
}

export const DEFAULT_LANGUAGE = 'de'

export const PUBLIC_LANGUAGES = [
	{ code: 'de', nativeName: 'Deutsch', dir: 'ltr', aliases: [] },
	// Leichte Sprache is a register of German, not a language of its own;
	// a private-use subtag keeps `lang` German for screen readers.
	{ code: 'de-x-ls', nativeName: 'Leichte Sprache', dir: 'ltr', aliases: [] },
	{ code: 'en', nativeName: 'English', dir: 'ltr', aliases: [] },
	{ code: 'fr', nativeName: 'Français', dir: 'ltr', aliases: [] },
	{ code: 'it', nativeName: 'Italiano', dir: 'ltr', aliases: [] },
	{ code: 'sq', nativeName: 'Shqip', dir: 'ltr', aliases: [] },
	// Bosnian, Croatian and Serbian share one translation (BCS); `sh` is the
	// BCP 47 tag of the macrolanguage.
	{
		code: 'sh',
		nativeName: 'Bosanski / Hrvatski / Srpski',
		dir: 'ltr',
		aliases: ['bs', 'hr', 'sr', 'hbs', 'cnr'],
	},
	{ code: 'pt', nativeName: 'Português', dir: 'ltr', aliases: [] },
	{ code: 'es', nativeName: 'Español', dir: 'ltr', aliases: [] },
	{ code: 'tr', nativeName: 'Türkçe', dir: 'ltr', aliases: [] },
	{ code: 'uk', nativeName: 'Українська', dir: 'ltr', aliases: [] },
	{ code: 'ar', nativeName: 'العربية', dir: 'rtl', aliases: [] },
	{ code: 'ti', nativeName: 'ትግርኛ', dir: 'ltr', aliases: [] },
	// Dari: browsers in Afghanistan often send Persian tags.
	{ code: 'prs', nativeName: 'دری', dir: 'rtl', aliases: ['fa-af', 'fa'] },
] as const satisfies readonly Language[]

export const STAFF_LANGUAGE_CODES = ['de', 'en'] as const

export type LanguageScope = 'public' | 'staff'

export function languagesFor(scope: LanguageScope): readonly Language[] {
	if (scope === 'public') return PUBLIC_LANGUAGES
	return PUBLIC_LANGUAGES.filter((language) =>
		(STAFF_LANGUAGE_CODES as readonly string[]).includes(language.code),
	)
}

export function findLanguage(code: string, scope: LanguageScope): Language | undefined {
	const wanted = code.toLowerCase()
	return languagesFor(scope).find((language) => language.code.toLowerCase() === wanted)
}

export function directionOf(code: string): Direction {
	return findLanguage(code, 'public')?.dir ?? 'ltr'
}
