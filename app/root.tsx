import {
	data,
	type HeadersFunction,
	type LinksFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import {
	isRouteErrorResponse,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLocation,
	useMatches,
	useRouteError,
	useRouteLoaderData,
} from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { ErrorPage, errorMessageKeys } from './platform/ui/error-page'
import { SiteFooter } from './platform/ui/site-footer'
import { SiteHeader } from './platform/ui/site-header'
import { createI18n } from './platform/i18n/create-i18n'
import { getEnv } from './platform/env.server'
import { getLanguage, languageCookieHeader } from './platform/i18n/language.server'
import { DEFAULT_LANGUAGE, directionOf, languagesFor } from './platform/i18n/languages'
import { NAMESPACES, scopeOfPath } from './platform/i18n/namespaces'
import { resourcesFor } from './platform/i18n/resources.server'
import { useNonce } from './platform/ui/nonce'
import type { LanguageFormHandle } from './platform/ui/language-switcher'
import germanCommon from './locales/de/common.json'
import stylesheet from './platform/ui/app.css?url'
import favicon from './platform/ui/favicon.svg?url'
import { ScriptFonts } from './platform/ui/script-fonts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesheet },
	// A link of its own: without one the browser asks for /favicon.ico, which is a 404.
	{ rel: 'icon', href: favicon, type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const scope = scopeOfPath(new URL(request.url).pathname)
	const language = getLanguage(request, scope)
	const setCookie = languageCookieHeader(request, language)
	return data(
		{
			language,
			dir: directionOf(language),
			resources: resourcesFor(language, NAMESPACES[scope]),
			languages: languagesFor(scope).map(({ code, nativeName, dir }) => ({
				code,
				nativeName,
				dir,
			})),
			// A demo says so on every page, so nobody mistakes it for the office.
			demo: getEnv().APP_MODE === 'demo',
			quickExit: scope === 'public',
		},
		setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined,
	)
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

/** Pages set their own titles; an error page gets its title here. */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
	if (!error || !data) return []
	const status = isRouteErrorResponse(error) ? error.status : 500
	const { t } = createI18n(data.language, data.resources)
	return [{ title: t(errorMessageKeys(status).title) }]
}

/**
 * When an action fails, Remix renders the error page without running the
 * root loader, so the page has no translations from the server: the German
 * common texts (the error pages' words) ship with the bundle for that case.
 */
const FALLBACK_RESOURCES = { common: germanCommon }

export function Layout({ children }: { children: ReactNode }) {
	const root = useRouteLoaderData<typeof loader>('root')
	const nonce = useNonce()
	const languageForm = useMatches()
		.map((match) => (match.handle as Partial<LanguageFormHandle> | undefined)?.languageForm)
		.find(Boolean)
	const language = root?.language ?? DEFAULT_LANGUAGE
	const i18n = useMemo(
		() => createI18n(language, root?.resources ?? FALLBACK_RESOURCES),
		[language, root?.resources],
	)
	return (
		<html lang={language} dir={root?.dir ?? 'ltr'}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="referrer" content="no-referrer" />
				<Meta />
				<Links />
				<ScriptFonts language={language} />
			</head>
			<body>
				<I18nextProvider i18n={i18n}>
					<SkipLink />
					<SiteHeader
						languages={root?.languages ?? []}
						current={language}
						demo={root?.demo ?? false}
						quickExit={root?.quickExit ?? true}
						languageForm={languageForm}
					/>
					<main id="main" tabIndex={-1}>
						{children}
					</main>
					<SiteFooter />
				</I18nextProvider>
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

function SkipLink() {
	const { t } = useTranslation()
	return (
		<a className="skip-link" href="#main">
			{t('skipToContent')}
		</a>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	const error = useRouteError()
	const { pathname } = useLocation()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const home = scopeOfPath(pathname) === 'staff' ? '/staff' : '/'
	return <ErrorPage status={status} home={home} key={pathname} />
}
