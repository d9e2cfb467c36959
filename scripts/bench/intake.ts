// Intake throughput against a baseline measured in the same run on the same
// PostgreSQL: a bare Node HTTP endpoint that reads the same body and inserts
// one row of the same size. Between the two, a floor that does only what the
// security model requires. All at 32 concurrent clients.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes, randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import pg from 'pg'
import { newSymmetricKey } from '../../app/platform/crypto/aead.server.ts'
import { encryptCaseField } from '../../app/platform/crypto/case-fields.server.ts'
import {
	followUpLookupHash,
	formatFollowUpCode,
	generateFollowUpCode,
	reporterKeyPair,
} from '../../app/platform/crypto/follow-up-code.server.ts'
import { keyPairFromSeed, sealTo } from '../../app/platform/crypto/key-pairs.server.ts'

export type LoadResult = {
	requestsPerSecond: number
	p50: number
	p99: number
	errors: number
	non2xx: number
}

const CONNECTIONS = 32

export async function load(options: {
	url: string
	body: Buffer
	contentType: string
	durationSeconds: number
}): Promise<LoadResult> {
	const octet = () => Math.floor(Math.random() * 254) + 1
	const result = await autocannon({
		url: options.url,
		method: 'POST',
		connections: CONNECTIONS,
		duration: options.durationSeconds,
		headers: {
			'content-type': options.contentType,
			'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
		},
		body: options.body,
		// Each request poses as another client, so that the rate limit (which
		// protects the real form) does not end the measurement.
		setupClient: (client) => {
			client.setHeaders({
				'content-type': options.contentType,
				'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
			})
			client.on('response', () => {
				client.setHeaders({
					'content-type': options.contentType,
					'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
				})
			})
		},
	})
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
	}
}

/** A form post as a browser without JavaScript sends it. */
export function intakeBody(formToken: string): { body: Buffer; contentType: string } {
	const boundary = `----bench${randomBytes(8).toString('hex')}`
	const fields: Array<[string, string]> = [
		['formStarted', formToken],
		['narrative', 'Im Bus wurde ich wegen meiner Herkunft beschimpft. '.repeat(20)],
		['place', 'St. Gallen'],
		['areas', 'public_space'],
		['forms', 'insult'],
		['motives', 'xenophobia'],
		['actors', 'private_person'],
		['ageGroup', '26_40'],
		['wishes', 'counselling'],
		['contactMode', 'contact'],
		['contactName', 'Bench'],
		['contactEmail', 'bench@example.ch'],
		['consent', 'yes'],
	]
	const parts = fields.map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	)
	const body = Buffer.from(`${parts.join('')}--${boundary}--\r\n`)
	return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

/** The baseline: read the body, insert one row of the same size, answer. */
export async function startBaselineServer(databaseUrl: string, rowBytes: number) {
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
	await pool.query(
		'CREATE TABLE IF NOT EXISTS bench_baseline (id uuid PRIMARY KEY, payload bytea NOT NULL)',
	)
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			pool
				.query('INSERT INTO bench_baseline (id, payload) VALUES (gen_random_uuid(), $1)', [
					randomBytes(rowBytes),
				])
				.then(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'))
				.catch(() => res.writeHead(500).end())
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
		stop: async () => {
			await new Promise((resolve) => server.close(resolve))
			await pool.end()
		},
	}
}

/**
 * The floor: what the security model alone costs. A bare Node endpoint that
 * does the request's cryptography with the app's own modules (fresh case
 * key, follow-up code and its derived key, three sealed key wraps, the
 * encrypted fields) and writes the same rows as a request (the rate-limit
 * count, the case, its three key grants) in a single SQL statement. No
 * framework, no validation, no page: no intake can be faster than this.
 */
export async function startFloorServer(databaseUrl: string) {
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
	const office = keyPairFromSeed(randomBytes(32))
	const lead = keyPairFromSeed(randomBytes(32))
	const pepper = randomBytes(32).toString('hex')
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8')
			const caseId = randomUUID()
			const caseKey = newSymmetricKey()
			const code = generateFollowUpCode()
			const reporter = reporterKeyPair(code)
			pool
				.query(FLOOR_INSERT, [
					randomBytes(32),
					caseId,
					`${new Date().getFullYear()}-${randomBytes(5).toString('hex')}`,
					encryptCaseField(caseKey, caseId, 'narrative', text.slice(0, 1_100)),
					encryptCaseField(caseKey, caseId, 'place', 'St. Gallen'),
					encryptCaseField(
						caseKey,
						caseId,
						'contact',
						'{"name":"Bench","email":"bench@example.ch"}',
					),
					followUpLookupHash(code, pepper),
					sealTo(office.publicKey, caseKey),
					sealTo(lead.publicKey, caseKey),
					sealTo(reporter.publicKey, caseKey),
				])
				.then(() =>
					res
						.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
						.end(`<!doctype html><p>${formatFollowUpCode(code)}</p>`),
				)
				.catch(() => res.writeHead(500).end())
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
		stop: async () => {
			await new Promise((resolve) => server.close(resolve))
			await pool.end()
		},
	}
}

const FLOOR_INSERT = `
WITH counted AS (
	INSERT INTO "RateLimitCounter" ("bucket", "key", "windowStart", "count")
	VALUES ('submission', $1, date_trunc('hour', now()), 1)
	ON CONFLICT ("bucket", "key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
	RETURNING "count"
), stored AS (
	INSERT INTO "Case" ("id", "reference", "channel", "receivedOn", "reportedAreas", "reportedForms",
		"reportedMotives", "reportedActors", "reportedWishes", "reportedAgeGroup",
		"narrative", "place", "contact", "followUpLookup")
	VALUES ($2, $3, 'WEB_WITH_CONTACT', current_date, '{public_space}', '{insult}', '{xenophobia}',
		'{private_person}', '{counselling}', '26_40', $4, $5, $6, $7)
	RETURNING "id"
), granted AS (
	INSERT INTO "CaseKeyGrant" ("id", "caseId", "holder", "sealedKey")
	SELECT gen_random_uuid()::text, stored."id", wrap.holder::"GrantHolder", wrap.sealed
	FROM stored, (VALUES ('RECOVERY', $8::bytea), ('STAFF', $9::bytea), ('REPORTER', $10::bytea)) AS wrap (holder, sealed)
)
SELECT "count" FROM counted`
