// What the public pages promise about a request, pinned in every language:
// who can read it (docs/security-model.md), how long a refused visitor must
// wait (RATE_LIMITS) and what the statistics keep. translations.test.ts only
// checks that keys exist; a re-translation that promises more than the
// software keeps must fail here.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { RATE_LIMITS } from '~/features/rate-limit/rate-limit.server'
import { PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { NAMESPACES } from '~/platform/i18n/namespaces'

const LOCALES = path.resolve(import.meta.dirname, '../../app/locales')

type Tree = { [key: string]: string | Tree }

function load(language: string, namespace: string): Tree {
	return JSON.parse(
		fs.readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8'),
	) as Tree
}

function text(language: string, namespace: string, key: string): string {
	let node: string | Tree = load(language, namespace)
	for (const part of key.split('.')) {
		if (typeof node === 'string') throw new Error(`${language}/${namespace}: ${key}`)
		node = node[part]!
	}
	if (typeof node !== 'string') throw new Error(`${language}/${namespace}: ${key} is not a text`)
	return node
}

function strings(tree: Tree): string[] {
	return Object.values(tree).flatMap((value) =>
		typeof value === 'string' ? [value] : strings(value),
	)
}

/**
 * Lower case, one kind of apostrophe and space, and without the marks that
 * only steer line breaks or joining (Leichte Sprache's medial dot, the
 * zero-width non-joiner of Dari), so that a word is found however it is set.
 */
const normalize = (value: string) =>
	value
		.toLowerCase()
		.replace(/[’ʼ]/g, "'")
		.replace(/[\u00a0\u202f]/g, ' ')
		.replace(/[·\u00ad\u200c]/g, '')

type Words = {
	/** The office's leads, a body of several people, not one "head". */
	leads: string
	/** The reporter's follow-up code ("with your code"). */
	code: string
	/** The office's recovery key... */
	emergencyKey: string
	/** ...which is kept on paper, off the server. */
	paper: string
	/** "a copy of its data": what is stored, not what runs, is out of reach. */
	copy: string
	/** The wait that is over for every limit behind the 429 page. */
	hour: string
	/** The shared network (an asylum centre's Wi-Fi) people share a limit on. */
	wifi: string
	/** The old, too short wait: a quarter of an hour in any of its wordings. */
	quarter: string[]
	/** The backups, which keep deleted data until they go too. */
	backups: string
	/** What is left after deletion: anonymous counts only. */
	anonymous: string
}

const WORDS: Record<string, Words> = {
	de: {
		leads: 'Leitung',
		code: 'Code',
		emergencyKey: 'Notfallschlüssel',
		paper: 'Papier',
		copy: 'Kopie',
		hour: 'eine Stunde',
		wifi: 'WLAN',
		quarter: ['Viertel', '15 Minuten', 'fünfzehn'],
		backups: 'Sicherungskopien',
		anonymous: 'anonyme',
	},
	'de-x-ls': {
		leads: 'Leitung',
		code: 'Code',
		emergencyKey: 'Notfallschlüssel',
		paper: 'Papier',
		copy: 'Kopie',
		hour: '1 Stunde',
		wifi: 'WLAN',
		quarter: ['Viertel', '15 Minuten', 'fünfzehn'],
		backups: 'Sicherungs·kopien',
		anonymous: 'nur Zahlen',
	},
	en: {
		leads: 'lead',
		code: 'code',
		emergencyKey: 'emergency key',
		paper: 'paper',
		copy: 'copy',
		hour: 'an hour',
		wifi: 'Wi-Fi',
		quarter: ['quarter', '15 minutes', 'fifteen'],
		backups: 'backup copies',
		anonymous: 'anonymous',
	},
	fr: {
		leads: 'direction',
		code: 'code',
		emergencyKey: 'clé d’urgence',
		paper: 'papier',
		copy: 'copie',
		hour: 'une heure',
		wifi: 'Wi-Fi',
		quarter: ['quart', '15 minutes', 'quinze'],
		backups: 'copies de sauvegarde',
		anonymous: 'anonymes',
	},
	it: {
		leads: 'direzione',
		code: 'codice',
		emergencyKey: 'chiave d’emergenza',
		paper: 'carta',
		copy: 'copia',
		hour: 'un’ora',
		wifi: 'Wi-Fi',
		quarter: ['quarto', '15 minuti', 'quindici'],
		backups: 'copie di sicurezza',
		anonymous: 'anonimi',
	},
	es: {
		leads: 'dirección',
		code: 'código',
		emergencyKey: 'clave de emergencia',
		paper: 'papel',
		copy: 'copia',
		hour: 'una hora',
		wifi: 'wifi',
		quarter: ['cuarto', '15 minutos', 'quince'],
		backups: 'copias de seguridad',
		anonymous: 'anónimas',
	},
	pt: {
		leads: 'direção',
		code: 'código',
		emergencyKey: 'chave de emergência',
		paper: 'papel',
		copy: 'cópia',
		hour: 'uma hora',
		wifi: 'Wi-Fi',
		quarter: ['quarto', '15 minutos', 'quinze'],
		backups: 'cópias de segurança',
		anonymous: 'anónimos',
	},
	ar: {
		leads: 'إدارة',
		code: 'رمز',
		emergencyKey: 'مفتاح طوارئ',
		paper: 'الورق',
		copy: 'نسخة',
		hour: 'ساعة',
		wifi: 'واي فاي',
		quarter: ['ربع', '15 دقيقة', 'خمس عشرة'],
		backups: 'النسخ الاحتياطية',
		anonymous: 'لا تكشف هوية',
	},
	prs: {
		leads: 'مدیریت',
		code: 'کود',
		emergencyKey: 'کلید اضطراری',
		paper: 'کاغذ',
		copy: 'کاپی',
		hour: 'یک ساعت',
		wifi: 'وای‌فای',
		quarter: ['ربع', '15 دقیقه', 'پانزده'],
		backups: 'کاپی‌های احتیاطی',
		anonymous: 'بی نام و نشان',
	},
	sh: {
		leads: 'uprava',
		code: 'kod',
		emergencyKey: 'ključa za hitne slučajeve',
		paper: 'papir',
		copy: 'kopij',
		hour: 'jedan sat',
		wifi: 'Wi-Fi',
		quarter: ['petnaest', '15 minuta', 'četvrt'],
		backups: 'sigurnosne kopije',
		anonymous: 'anonimni',
	},
	sq: {
		leads: 'drejtimi',
		code: 'kod',
		emergencyKey: 'çelës emergjence',
		paper: 'letër',
		copy: 'kopje',
		hour: 'një orë',
		wifi: 'Wi-Fi',
		quarter: ['çerek', '15 minuta', 'pesëmbëdhjetë'],
		backups: 'rezervë',
		anonymous: 'anonime',
	},
	ti: {
		leads: 'ኣመራርሓ',
		// "ኮድ" alone also occurs in "ብምስጢራዊ ኮድ" (encrypted).
		code: 'ብኮድኩም',
		emergencyKey: 'ናይ ህጹጽ እዋን መፍትሕ',
		paper: 'ወረቐት',
		copy: 'ቅዳሕ',
		hour: 'ሓደ ሰዓት',
		wifi: 'ዋይፋይ',
		quarter: ['ርብዒ', '15 ደቒቕ'],
		backups: 'ናይ ውሕስነት ቅዳሓት',
		anonymous: 'ዘየለልዩ',
	},
	tr: {
		leads: 'yönetim',
		code: 'kod',
		emergencyKey: 'acil durum anahtar',
		paper: 'kâğıt',
		copy: 'kopya',
		hour: 'bir saat',
		wifi: 'Wi-Fi',
		quarter: ['çeyrek', '15 dakika', 'on beş'],
		backups: 'yedek kopya',
		anonymous: 'anonim',
	},
	uk: {
		leads: 'керівництво',
		code: 'коду',
		emergencyKey: 'аварійного ключа',
		paper: 'папері',
		copy: 'копію',
		hour: 'годину',
		wifi: 'Wi-Fi',
		quarter: ['чверть', '15 хвилин', 'п’ятнадцять'],
		backups: 'резервні копії',
		anonymous: 'анонімні',
	},
}

const languages = PUBLIC_LANGUAGES.map((language) => language.code)

test('every public language has its words here', () => {
	expect(Object.keys(WORDS).sort()).toEqual([...languages].sort())
})

describe.each(languages)('%s', (language) => {
	const words = WORDS[language]!

	test('the start page names everyone who can read a request', () => {
		const confidential = text(language, 'start', 'confidential2')
		for (const word of [words.leads, words.code, words.emergencyKey, words.paper]) {
			expect(normalize(confidential)).toContain(normalize(word))
		}
	})

	test('the form names everyone who can open a request, and that the scope is what is stored', () => {
		const encrypted = text(language, 'intake', 'privacy.encrypted')
		for (const word of [words.leads, words.code, words.emergencyKey, words.paper, words.copy]) {
			expect(normalize(encrypted)).toContain(normalize(word))
		}
	})

	test('deletion leaves anonymous counts only, and backups keep deleted data 90 days at most', () => {
		const deletion = normalize(text(language, 'intake', 'privacy.deletion'))
		expect(deletion).toContain(normalize(words.anonymous))
		expect(deletion).toContain(normalize(words.backups))
		expect(deletion).toContain('90')
	})

	test('the too-many-attempts page asks for an hour and says why a shared network counts', () => {
		const tooMany = text(language, 'common', 'errors.tooManyText')
		expect(normalize(tooMany)).toContain(normalize(words.hour))
		expect(normalize(tooMany)).toContain(normalize(words.wifi))
		for (const word of words.quarter) expect(normalize(tooMany)).not.toContain(normalize(word))
	})
})

test('an hour is enough for every limit that shows the too-many-attempts page', () => {
	// Both are fixed windows: the refusal ends when the window does.
	for (const rule of [RATE_LIMITS.submission, RATE_LIMITS.codeLookup]) {
		expect(rule.windowSeconds, rule.bucket).toBeLessThanOrEqual(3600)
	}
})

test('English does not make the office’s leads one "head"', () => {
	expect(text('en', 'start', 'confidential2')).not.toMatch(/\bhead\b/i)
	expect(text('en', 'intake', 'privacy.encrypted')).not.toMatch(/\bhead\b/i)
})

test('Arabic counts the choices without names, not "without knowing whose they are"', () => {
	const statistics = text('ar', 'intake', 'privacy.statistics')
	expect(statistics).not.toContain('دون معرفة')
	expect(statistics).not.toContain('أصحابها')
	expect(statistics).toContain('دون أسماء')
})

test('the statistics promise rules out conclusions about individuals, not only recognising them', () => {
	// "No one can be recognised" promises less than the German "Zahlen, die
	// auf einzelne Personen schliessen lassen"; these three said it.
	expect(text('uk', 'intake', 'privacy.statistics')).not.toContain('упізнати')
	expect(text('prs', 'intake', 'privacy.statistics')).not.toContain('افراد را شناخت')
	expect(text('de-x-ls', 'intake', 'privacy.statistics')).not.toContain('erkennen')
})

describe('Leichte Sprache', () => {
	const LS = 'de-x-ls'
	const publicTexts = NAMESPACES.public.flatMap((namespace) =>
		strings(load(LS, namespace)).map((value) => ({ namespace, value })),
	)

	// A clause with a form of "werden" that ends on a participle ("wird
	// verschlüsselt gespeichert", "diskriminiert werden"): passive voice.
	const AUXILIARY = /(?<!\p{L})(wird|werden|wurde|wurden|worden)(?!\p{L})/iu
	const passiveClauses = (value: string) =>
		value
			.split(/[.,:;!?()«»]/)
			.map((clause) => clause.trim())
			.filter((clause) => AUXILIARY.test(clause) && /\p{L}*(t|en)$/u.test(clause))

	test('no public text uses the passive voice', () => {
		const passive = publicTexts.flatMap(({ namespace, value }) =>
			passiveClauses(value).map((clause) => `${namespace}: ${clause}`),
		)
		expect(passive).toEqual([])
	})

	test('the passive check finds the passive', () => {
		expect(passiveClauses('Was Sie schreiben, wird verschlüsselt gespeichert.')).toHaveLength(1)
		expect(passiveClauses('Menschen, die diskriminiert werden.')).toHaveLength(1)
		expect(passiveClauses('Danach werden Ihre Daten gelöscht.')).toHaveLength(1)
		expect(passiveClauses('Wir speichern es verschlüsselt.')).toEqual([])
	})

	test('anonymous means not having to say who you are', () => {
		const sentence = 'Anonym heisst: Sie müssen uns nicht sagen, wer Sie sind.'
		expect(text(LS, 'start', 'anonymousText')).toContain(sentence)
		expect(text(LS, 'intake', 'intro')).toContain(sentence)
		expect(
			publicTexts.filter(({ value }) => value.includes('Wir wissen nicht, wer Sie sind')),
		).toEqual([])
	})

	test('the start page explains "Rassismus" right below the heading that names it', () => {
		expect(text(LS, 'start', 'heading')).toContain('Rassismus')
		expect(text(LS, 'start', 'lead')).toContain('Rassismus heisst:')
	})

	test('deletion names the copies for safety, which go later', () => {
		for (const value of [
			text(LS, 'start', 'confidential3'),
			text(LS, 'intake', 'privacy.deletion'),
		]) {
			expect(normalize(value)).toContain('löschen wir')
			expect(normalize(value)).toContain('sicherungskopien')
			expect(normalize(value)).toContain('später')
		}
	})
})

test('German writes "ss", never "ß" (Swiss convention)', () => {
	for (const language of ['de', 'de-x-ls']) {
		for (const namespace of NAMESPACES.public) {
			expect(
				strings(load(language, namespace)).filter((value) => value.includes('ß')),
				`${language}/${namespace}`,
			).toEqual([])
		}
	}
})
