// Every translation, bundled into the server build only; a page receives just
// the namespaces of its own language through the root loader.
import type { Resource, ResourceLanguage } from 'i18next'

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', {
	eager: true,
})

export const resources: Resource = {}
for (const [file, module] of Object.entries(files)) {
	const match = /\.\.\/\.\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)
	if (!match) continue
	const [, language = '', namespace = ''] = match
	resources[language] ??= {}
	;(resources[language] as ResourceLanguage)[namespace] = module.default
}

const selections = new Map<string, ResourceLanguage>()

/** The same object for the same request, so that i18next instances can be reused. */
export function resourcesFor(language: string, namespaces: readonly string[]): ResourceLanguage {
	const key = `${language}:${namespaces.join(',')}`
	let selection = selections.get(key)
	if (!selection) {
		const all = resources[language] ?? {}
		selection = Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace] ?? {}]))
		selections.set(key, selection)
	}
	return selection
}
