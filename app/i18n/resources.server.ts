// Every translation, bundled into the server build only; a page receives just
// the namespaces of its own language through the root loader.
import type { Resource, ResourceLanguage } from 'i18next'

const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', {
	eager: true,
})

export const resources: Resource = {}
for (const [file, module] of Object.entries(files)) {
	const match = /\.\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)
	if (!match) continue
	const [, language = '', namespace = ''] = match
	resources[language] ??= {}
	;(resources[language] as ResourceLanguage)[namespace] = module.default
}

export function resourcesFor(language: string, namespaces: readonly string[]): ResourceLanguage {
	const all = resources[language] ?? {}
	return Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace] ?? {}]))
}
