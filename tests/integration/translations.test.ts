// Every key of the German source must exist, non-empty, in every language of
// its scope, with the same {{placeholders}}; no language may carry keys the
// source does not have (they would be dead text nobody checks).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { DEFAULT_LANGUAGE, PUBLIC_LANGUAGES, STAFF_LANGUAGE_CODES } from '~/platform/i18n/languages'
import { NAMESPACES } from '~/platform/i18n/namespaces'

const LOCALES = path.resolve(import.meta.dirname, '../../app/locales')

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const entries = new Map<string, string>()
	for (const [key, value] of Object.entries(tree)) {
		const name = prefix ? `${prefix}.${key}` : key
		if (typeof value === 'string') entries.set(name, value)
		else for (const [k, v] of flatten(value, name)) entries.set(k, v)
	}
	return entries
}

function load(language: string, namespace: string): Map<string, string> | undefined {
	const file = path.join(LOCALES, language, `${namespace}.json`)
	if (!fs.existsSync(file)) return undefined
	return flatten(JSON.parse(fs.readFileSync(file, 'utf8')) as Tree)
}

const placeholders = (text: string) =>
	[...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

const publicNamespaces = NAMESPACES.public
const staffOnlyNamespaces = NAMESPACES.staff.filter((ns) => !publicNamespaces.includes(ns))

const cases = [
	...PUBLIC_LANGUAGES.flatMap((language) =>
		publicNamespaces.map((namespace) => ({ language: language.code, namespace })),
	),
	...STAFF_LANGUAGE_CODES.flatMap((language) =>
		staffOnlyNamespaces.map((namespace) => ({ language, namespace })),
	),
]

describe('translations', () => {
	test.each(cases)('$language/$namespace is complete', ({ language, namespace }) => {
		const source = load(DEFAULT_LANGUAGE, namespace)
		expect(source, `${DEFAULT_LANGUAGE}/${namespace}.json`).toBeDefined()
		const translated = load(language, namespace)
		expect(translated, `${language}/${namespace}.json is missing`).toBeDefined()

		const missing = [...source!.keys()].filter((key) => !translated!.get(key)?.trim())
		expect(missing, `missing or empty in ${language}/${namespace}`).toEqual([])
		const extra = [...translated!.keys()].filter((key) => !source!.has(key))
		expect(extra, `not in the German source`).toEqual([])
		for (const [key, text] of source!) {
			expect(placeholders(translated!.get(key)!), `placeholders of ${key}`).toEqual(
				placeholders(text),
			)
		}
	})

	test('every locale folder belongs to a configured language', () => {
		const configured = new Set<string>(PUBLIC_LANGUAGES.map((language) => language.code))
		const folders = fs.readdirSync(LOCALES)
		expect(folders.filter((folder) => !configured.has(folder))).toEqual([])
	})
})
