import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_PARAM } from '~/platform/i18n/negotiate-language'

type Props = {
	languages: ReadonlyArray<{ code: string; nativeName: string; dir: 'ltr' | 'rtl' }>
	current: string
}

/**
 * Plain links, so switching works without JavaScript. Each name is written in
 * its own language and marked up as such, so screen readers pronounce it
 * right. A full page load follows, which also sets `<html lang dir>`.
 */
export function LanguageSwitcher({ languages, current }: Props) {
	const { t } = useTranslation()
	const { pathname, search } = useLocation()
	const hrefFor = (code: string) => {
		const params = new URLSearchParams(search)
		params.set(LANGUAGE_PARAM, code)
		return `${pathname}?${params.toString()}`
	}
	return (
		<nav className="language-switcher" aria-label={t('languageSwitcher.label')}>
			<ul>
				{languages.map((language) => (
					<li key={language.code}>
						<a
							href={hrefFor(language.code)}
							lang={language.code}
							hrefLang={language.code}
							dir={language.dir}
							aria-current={language.code === current ? 'true' : undefined}
						>
							{language.nativeName}
						</a>
					</li>
				))}
			</ul>
		</nav>
	)
}
