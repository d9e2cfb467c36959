import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_PARAM } from '~/platform/i18n/negotiate-language'

type Language = { code: string; nativeName: string; dir: 'ltr' | 'rtl' }

type Props = {
	languages: ReadonlyArray<Language>
	current: string
	/** The page's form that a change of language submits (LanguageFormHandle). */
	languageForm?: string
}

/**
 * A route whose form should survive a change of language names it in its
 * `handle`: the choices then submit that form with the intent "language"
 * to the same address with `?lang=` (routes/request.tsx).
 */
export type LanguageFormHandle = { languageForm: string }

/** More languages than this fold into a menu, so that the switcher takes one line on a phone. */
const INLINE_AT_MOST = 3

/**
 * Plain links, so switching works without JavaScript. Each name is written in
 * its own language and marked up as such, so screen readers pronounce it
 * right. A full page load follows, which also sets `<html lang dir>`. The
 * fourteen public languages sit in a native `details` menu (no JavaScript
 * needed either), the current one first and named on the button.
 */
export function LanguageSwitcher({ languages, current, languageForm }: Props) {
	const { t } = useTranslation()
	const { pathname, search } = useLocation()
	const hrefFor = (code: string) => {
		const params = new URLSearchParams(search)
		params.set(LANGUAGE_PARAM, code)
		return `${pathname}?${params.toString()}`
	}
	const currentLanguage = languages.find((language) => language.code === current)
	const ordered = currentLanguage
		? [currentLanguage, ...languages.filter((language) => language !== currentLanguage)]
		: languages
	const buttons = languageForm ? (
		<ul className="language-buttons">
			{ordered.map((language) => (
				<li key={language.code}>
					<button
						type="submit"
						form={languageForm}
						formAction={hrefFor(language.code)}
						formMethod="post"
						formEncType="multipart/form-data"
						formNoValidate
						name="intent"
						value="language"
						lang={language.code}
						dir={language.dir}
						aria-current={language.code === current ? 'true' : undefined}
						// With JavaScript the page stays: the menu closes as a new page's would be.
						onClick={(event) => event.currentTarget.closest('details')?.removeAttribute('open')}
					>
						{language.nativeName}
					</button>
				</li>
			))}
		</ul>
	) : null
	const links = (
		<ul className={languageForm ? 'language-links' : undefined}>
			{ordered.map((language) => (
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
	)
	if (languages.length <= INLINE_AT_MOST) {
		return (
			<nav className="language-switcher" aria-label={t('languageSwitcher.label')}>
				{links}
			</nav>
		)
	}
	return (
		<nav className="language-switcher language-menu" aria-label={t('languageSwitcher.label')}>
			<details>
				<summary>
					<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
						<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
						<path
							d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z"
							fill="none"
							stroke="currentColor"
							strokeWidth="1.6"
						/>
					</svg>
					<span className="visually-hidden">{t('languageSwitcher.label')}: </span>
					<span lang={currentLanguage?.code} dir={currentLanguage?.dir}>
						{currentLanguage?.nativeName}
					</span>
				</summary>
				{links}
				{buttons}
			</details>
		</nav>
	)
}
