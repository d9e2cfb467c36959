import fs from 'node:fs'
import { expect, test } from './fixtures'

test('health and readiness', async ({ request }) => {
	expect((await request.get('/healthz')).status()).toBe(200)
	const ready = await request.get('/readyz')
	expect(ready.status()).toBe(200)
	expect(ready.headers()['cache-control']).toBe('no-store')
})

test('an enforced Content-Security-Policy with a fresh nonce on every page', async ({
	request,
}) => {
	const nonces = new Set<string>()
	for (let i = 0; i < 2; i++) {
		const response = await request.get('/')
		const policy = response.headers()['content-security-policy'] ?? ''
		const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
		expect(nonce).toBeTruthy()
		nonces.add(nonce!)
		const scriptSrc = policy.split(';').find((d) => d.startsWith('script-src')) ?? ''
		expect(scriptSrc).not.toContain('unsafe-inline')
		expect(policy).toContain("frame-ancestors 'none'")
		expect(policy).toContain("form-action 'self'")
		expect(policy).toContain("default-src 'self'")
		expect(response.headers()['content-security-policy-report-only']).toBeUndefined()
		// Every script the page carries has the nonce.
		const html = await response.text()
		const scripts = html.match(/<script\b[^>]*>/g) ?? []
		expect(scripts.length).toBeGreaterThan(0)
		for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
	}
	expect(nonces.size).toBe(2)
})

test('other protective headers', async ({ request }) => {
	const headers = (await request.get('/')).headers()
	expect(headers['referrer-policy']).toBe('no-referrer')
	expect(headers['x-content-type-options']).toBe('nosniff')
	expect(headers['x-frame-options']).toBe('DENY')
	expect(headers['permissions-policy']).toContain('camera=()')
	expect(headers['x-powered-by']).toBeUndefined()
})

test('responses are compressed', async ({ request }) => {
	const response = await request.get('/', { headers: { 'Accept-Encoding': 'gzip' } })
	expect(response.headers()['content-encoding']).toBe('gzip')
})

test('the log holds no address, user agent, query or cookie of a visitor', async ({ request }) => {
	const marker = `Marker-Agent-${Date.now()}`
	await request.get('/?lang=de&note=private-query-text', {
		headers: {
			'User-Agent': marker,
			'X-Forwarded-For': '198.51.100.23',
			Cookie: 'lang=de; tracking=cookie-value-xyz',
		},
	})
	await expect
		.poll(() => fs.readFileSync(process.env.E2E_SERVER_LOG!, 'utf8'))
		.toContain('"path":"/"')
	const log = fs.readFileSync(process.env.E2E_SERVER_LOG!, 'utf8')
	for (const trace of [
		marker,
		'198.51.100.23',
		'127.0.0.1',
		'private-query-text',
		'cookie-value-xyz',
	]) {
		expect(log).not.toContain(trace)
	}
	for (const line of log.split('\n').filter((l) => l.startsWith('{'))) {
		const entry = JSON.parse(line) as Record<string, unknown>
		expect(Object.keys(entry)).not.toEqual(
			expect.arrayContaining(['remoteAddress', 'userAgent', 'headers']),
		)
	}
})

test('no public page or its data may be cached, the browser included', async ({ request }) => {
	// Every public route file, found in the file system: a new one is covered
	// without anyone remembering to add it here.
	const routes = fs
		.readdirSync('app/routes')
		.map((file) => file.replace(/\.tsx?$/, ''))
		.filter((route) => !route.startsWith('staff') && !route.startsWith('api.'))
		.map((route) =>
			route === '_index'
				? '/'
				: `/${route
						.split('.')
						.map((segment) => (segment.startsWith('$') ? 'unknown' : segment))
						.join('/')}`,
		)
	expect(routes).toEqual(expect.arrayContaining(['/', '/request', '/follow-up']))
	for (const path of routes) {
		const data = path === '/' ? '/_root.data' : `${path}.data`
		for (const url of [path, data, `${path}?lang=ar`]) {
			const response = await request.get(url, { maxRedirects: 0 })
			expect(response.headers()['cache-control'], url).toBe('no-store')
		}
	}
	// The answer to a post (the follow-up code's page, a refusal) too.
	const posted = await request.post('/follow-up', {
		form: { intent: 'open', code: 'ABCD-EFGH-JKMN-PQRS-TVWX' },
		headers: { Origin: new URL(test.info().project.use.baseURL!).origin },
	})
	expect(posted.headers()['cache-control']).toBe('no-store')
})
