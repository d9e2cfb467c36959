// The Express application: headers, logs, health checks, static files, then
// Remix. No business logic lives here.
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type ErrorRequestHandler } from 'express'
import type { Logger } from 'pino'
import { errorSummary } from '../app/platform/logger.server.ts'
import type { ViteDevServer } from 'vite'
import { BUILD_DIR } from './paths.ts'
import { refuseOversizedBodies } from './body-limit.ts'
import { clientKey } from './client-key.ts'
import { refuseDataOfDownloads } from './resource-routes.ts'
import { sameOriginGuard } from './same-origin-guard.ts'
import { requestLog } from './request-log.ts'
import { cspNonce, securityHeaders } from './security-headers.ts'

type Options = {
	logger: Logger
	trustProxy: number
	/** Key of the daily client hash that rate limits count by. */
	hashPepper: string
	/** Answers whether the database can run a query right now. */
	isDatabaseReady: () => Promise<boolean>
} & ({ mode: 'production'; build: ServerBuild } | { mode: 'development'; vite: ViteDevServer })

export function createApp(options: Options): express.Express {
	const { logger } = options
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', options.trustProxy)

	app.use(requestLog(logger))
	app.use(cspNonce, ...securityHeaders({ development: options.mode === 'development' }))
	// First of all that could take a body in. In development readFormData
	// alone refuses an announced body past the route's limit.
	if (options.mode === 'production') app.use(refuseOversizedBodies(options.build))
	app.use(compression())
	app.use(clientKey(options.hashPepper))
	app.use(sameOriginGuard)
	// Every page and its data are rendered per request and may hold what a
	// person wrote, a follow-up code, case data or a one-time secret: no
	// cache, the browser's disk cache included, may keep them. Static files
	// (below) set their own caching.
	const noStore: express.RequestHandler = (_req, res, next) => {
		res.setHeader('Cache-Control', 'no-store')
		next()
	}

	app.get('/healthz', (_req, res) => {
		res.set('Cache-Control', 'no-store').type('text/plain').send('ok')
	})
	app.get('/readyz', async (_req, res) => {
		const ready = await options.isDatabaseReady()
		res
			.set('Cache-Control', 'no-store')
			.status(ready ? 200 : 503)
			.type('text/plain')
			.send(ready ? 'ready' : 'database unavailable')
	})

	if (options.mode === 'development') {
		app.use(options.vite.middlewares)
		app.all('*', noStore, async (req, res, next) => {
			try {
				const build = (await options.vite.ssrLoadModule(
					'virtual:remix/server-build',
				)) as ServerBuild
				return createRequestHandler({ build, mode: 'development', getLoadContext })(req, res, next)
			} catch (error) {
				next(error)
			}
		})
	} else {
		const client = path.join(BUILD_DIR, 'client')
		// File names under /assets carry a content hash: cache them for good.
		app.use(
			'/assets',
			express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }),
		)
		app.use(express.static(client, { maxAge: '1h' }))
		app.all(
			'*',
			refuseDataOfDownloads(options.build),
			noStore,
			createRequestHandler({ build: options.build, mode: 'production', getLoadContext }),
		)
	}

	app.use(lastResortErrorPage(logger))
	return app
}

function getLoadContext(_req: express.Request, res: express.Response) {
	return { cspNonce: String(res.locals.cspNonce ?? ''), clientKey: res.locals.clientKey as Buffer }
}

/** Remix renders its own error pages; this catches what fails before it. */
function lastResortErrorPage(logger: Logger): ErrorRequestHandler {
	return (error, _req, res, _next) => {
		logger.error({ err: errorSummary(error) }, 'unhandled error')
		if (res.headersSent) return res.end()
		res
			.status(500)
			.type('text/html')
			.send(
				'<!doctype html><html lang="de"><meta charset="utf-8"><title>Fehler / Error</title>' +
					'<h1>Ein Fehler ist aufgetreten / An error occurred</h1>' +
					'<p>Bitte versuchen Sie es später noch einmal. / Please try again later.</p></html>',
			)
	}
}

declare module '@remix-run/node' {
	interface AppLoadContext {
		cspNonce: string
		/** A daily-rotating keyed hash of the client, for rate limits only. */
		clientKey: Buffer
		/**
		 * How many problems a form's action found: without JavaScript the
		 * page's loader runs in the same request and puts them in the title.
		 */
		formErrorCount?: number
	}
}
