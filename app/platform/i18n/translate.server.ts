import type { TFunction } from 'i18next'
import { createI18n } from './create-i18n'
import { getLanguage } from './language.server'
import { NAMESPACES, scopeOfPath } from './namespaces'
import { resourcesFor } from './resources.server'

/** A `t` for loaders and actions (page titles, server-made messages). */
export function getTranslator(request: Request): { language: string; t: TFunction } {
	const scope = scopeOfPath(new URL(request.url).pathname)
	const language = getLanguage(request, scope)
	const { t } = createI18n(language, resourcesFor(language, NAMESPACES[scope]))
	return { language, t }
}
