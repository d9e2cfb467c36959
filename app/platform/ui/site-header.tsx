import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from './language-switcher'
import { QuickExit } from './quick-exit'

type Props = {
	languages: ReadonlyArray<{ code: string; nativeName: string; dir: 'ltr' | 'rtl' }>
	current: string
	/** APP_MODE=demo: a banner that no real data belong here. */
	demo: boolean
	/** The public pages: someone who shares a device may need to leave them at once. */
	quickExit: boolean
	/** The page's form that a change of language submits, if any. */
	languageForm?: string
}

export function SiteHeader({ languages, current, demo, quickExit, languageForm }: Props) {
	const { t } = useTranslation()
	return (
		<header>
			{quickExit ? <QuickExit /> : null}
			{demo ? (
				// In the header landmark, so that it is read first; the words
				// carry the message, the stripes only repeat it.
				<p className="demo-banner" role="note">
					{t('demoBanner')}
				</p>
			) : null}
			<div className="site-header">
				<a className="site-name" href="/">
					{t('officeFallbackName')}
				</a>
				{languages.length > 1 ? (
					<LanguageSwitcher languages={languages} current={current} languageForm={languageForm} />
				) : null}
			</div>
		</header>
	)
}
